using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Simulation;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>Reads every scenario of <c>samples/scenarios</c> and the journeys they name.</summary>
public static class ScenarioCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, Loaded>> All = new(Load);

    /// <summary>Scenario names, in ordinal order; empty when the folder holds none.</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.Exists(RepositoryPaths.Scenarios)
            ? [.. Directory.EnumerateFiles(RepositoryPaths.Scenarios, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Every scenario that reads; one that does not fails only its own tests, through <see cref="Get"/>.</summary>
    public static IReadOnlyCollection<ScenarioCase> Cases =>
        [.. All.Value.Values.Select(l => l.Case).OfType<ScenarioCase>().OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>One scenario by name.</summary>
    /// <param name="name">File name without <c>.json</c>.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="InvalidOperationException">The script or its journey does not read; the message names the file and each problem.</exception>
    public static ScenarioCase Get(string name) =>
        All.Value.TryGetValue(name, out var found)
            ? found.Case ?? throw new InvalidOperationException(found.Problem)
            : throw new KeyNotFoundException($"No scenario '{name}' in {RepositoryPaths.Scenarios}.");

    private static Dictionary<string, Loaded> Load() =>
        Names().ToDictionary(name => name, LoadOne, StringComparer.Ordinal);

    private static Loaded LoadOne(string name)
    {
        var path = Path.Combine(RepositoryPaths.Scenarios, name + ".json");
        var script = SimulationScriptReader.Read(File.ReadAllText(path), out var errors);
        if (script is null)
        {
            return new Loaded(null, $"{path} does not read: {string.Join("; ", errors)}");
        }

        if (script.Journey is null)
        {
            return new Loaded(null, $"{path} names no journey.");
        }

        var journeyPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, script.Journey));
        if (!File.Exists(journeyPath))
        {
            return new Loaded(null, $"{path} names {script.Journey}, which does not exist ({journeyPath}).");
        }

        var json = File.ReadAllText(journeyPath);
        var read = JourneyDefinitionReader.Read(json);
        return read.IsValid
            ? new Loaded(new ScenarioCase(name, script, read.Definition, json), "")
            : new Loaded(null, $"{journeyPath} (named by {path}) does not read: {string.Join("; ", read.Errors)}");
    }

    private sealed record Loaded(ScenarioCase? Case, string Problem);
}
