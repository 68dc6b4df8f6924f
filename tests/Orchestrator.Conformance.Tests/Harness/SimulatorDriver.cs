using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Simulation;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>The reference driver: <see cref="JourneySimulator"/>, one instance per script, on a virtual clock.</summary>
public sealed class SimulatorDriver : IJourneyDriver
{
    public const string DriverName = "simulator";

    private readonly Dictionary<string, JourneyDefinition> _journeys = new(StringComparer.Ordinal);

    public string Name => DriverName;

    public Task DeployAsync(JourneyDefinition definition, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _journeys[definition.Id] = definition;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JourneyRunResult>> RunAsync(IReadOnlyList<ScenarioRun> runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        IReadOnlyList<JourneyRunResult> results = [.. runs.Select(Run)];
        return Task.FromResult(results);
    }

    /// <summary>Runs one script.</summary>
    /// <param name="run">The run.</param>
    /// <returns>What the simulator produced.</returns>
    public JourneyRunResult Run(ScenarioRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!_journeys.TryGetValue(run.JourneyId, out var definition))
        {
            return JourneyRunResult.Failed(run, [$"journey {run.JourneyId} was not deployed to the simulator"]);
        }

        var trace = JourneySimulator.Run(definition, run.Script);
        var keys = trace.Entries.SelectMany(e => e.Commands).OfType<SendAction>().Select(a => a.IdempotencyKey).ToArray();
        var decisions = trace.Entries.SelectMany(e => e.Decisions)
            .Select(d => JourneyRunResult.Decision(d.At, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(d.Kind.ToString()), d.Step, d.Next, d.Detail))
            .ToArray();
        return new JourneyRunResult(
            run.Name, run.Script.CustomerId, trace.FinalState?.InstanceId, trace.Outcome, trace.Actions, trace.Steps, keys, decisions, []);
    }
}
