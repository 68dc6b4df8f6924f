namespace Orchestrator.Journeys.Tests.Properties;

/// <summary>A generated run: the trigger's id (which fixes the instance id) and payload, then moves in order.</summary>
internal sealed record Scenario(string TriggerId, string TriggerData, IReadOnlyList<Move> Moves)
{
    public override string ToString() => $"trigger {TriggerId} {TriggerData}; {string.Join("; ", Moves)}";
}
