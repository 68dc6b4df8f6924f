namespace Orchestrator.Standalone.Security;

/// <summary>Prints the keys generated at this start, once, so a developer can call the API.</summary>
/// <remarks>Only generated keys are printed: configured keys never reach a log.</remarks>
internal sealed partial class DevelopmentKeyAnnouncement(ApiKeys keys, ILogger<DevelopmentKeyAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (scope, key) in keys.Generated)
        {
            LogGenerated(logger, scope == ApiKeyScope.Management ? "MANAGEMENT" : "INGESTION", key, scope == ApiKeyScope.Management ? "ManagementKey" : "IngestionKey");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEVELOPMENT {Scope} API KEY (generated for this run only; send it in the x-api-key header): {Key}  — set Orchestrator:Security:{Setting} to choose your own")]
    private static partial void LogGenerated(ILogger logger, string scope, string key, string setting);
}
