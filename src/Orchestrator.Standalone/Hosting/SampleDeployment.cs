using System.Text.Json;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Ports;

namespace Orchestrator.Standalone.Hosting;

/// <summary>
/// Deploys every <c>*.json</c> journey definition of <see cref="RuntimeSettings.DeploySamplesFrom"/> at
/// start-up, skipping those whose active version already holds the same JSON, so restarts add no versions.
/// </summary>
/// <remarks>Runs before the host serves requests, so a journey in the folder is live by the first touchpoint.</remarks>
internal sealed partial class SampleDeployment(
    RuntimeSettings settings,
    DefinitionService definitions,
    IHostEnvironment environment,
    ILogger<SampleDeployment> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.DeploySamplesFrom))
        {
            return;
        }

        var folder = Path.GetFullPath(settings.DeploySamplesFrom, environment.ContentRootPath);
        if (!Directory.Exists(folder))
        {
            LogFolderMissing(logger, folder);
            return;
        }

        // One read of the active versions for the whole folder, not one per sample.
        var active = (await definitions.ListActiveAsync(cancellationToken)).ToDictionary(d => d.JourneyId, StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            await DeployAsync(path, active, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DeployAsync(string path, Dictionary<string, StoredDefinition> activeVersions, CancellationToken cancellationToken)
    {
        var json = await File.ReadAllTextAsync(path, cancellationToken);
        if (!TryReadId(json, out var journeyId))
        {
            LogNoId(logger, path);
            return;
        }

        if (activeVersions.TryGetValue(journeyId, out var active) && DefinitionService.SameContent(active.Json, json))
        {
            LogUnchanged(logger, journeyId, active.Version);
            return;
        }

        var result = await definitions.DeployAsync(journeyId, json, cancellationToken);
        if (result.Deployed)
        {
            LogDeployed(logger, journeyId, result.Version!.Value, path);
        }
        else
        {
            LogInvalid(logger, path, string.Join("; ", result.Errors));
        }
    }

    private static bool TryReadId(string json, out string journeyId)
    {
        journeyId = "";
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 } value)
            {
                journeyId = value;
                return true;
            }
        }
        catch (JsonException)
        {
            // Reported as a file without an id; deploying it would only repeat the parse error.
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sample folder {Folder} does not exist; no journeys deployed from it")]
    private static partial void LogFolderMissing(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path} is not a journey definition with an 'id'; not deployed")]
    private static partial void LogNoId(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journey {JourneyId} v{Version} already holds this definition; not deployed again")]
    private static partial void LogUnchanged(ILogger logger, string journeyId, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deployed journey {JourneyId} v{Version} from {Path}")]
    private static partial void LogDeployed(ILogger logger, string journeyId, int version, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path} is invalid and was not deployed: {Errors}")]
    private static partial void LogInvalid(ILogger logger, string path, string errors);
}
