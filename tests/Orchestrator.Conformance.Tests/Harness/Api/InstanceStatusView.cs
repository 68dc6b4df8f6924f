namespace Orchestrator.Conformance.Tests.Harness.Api;

/// <summary><c>GET /runtime/webhooks/durabletask/instances/{id}</c>, as a client reads it.</summary>
public sealed record InstanceStatusView(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    CustomStatusView? CustomStatus,
    OutputView? Output,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    IReadOnlyList<DecisionEntryView>? HistoryEvents)
{
    public const string Running = "Running";
    public const string Completed = "Completed";

    /// <summary>When the instance wakes next on its own; null once it no longer runs.</summary>
    public DateTimeOffset? WakeUpAt => RuntimeStatus == Running ? CustomStatus?.WakeUpAt : null;

    public override string ToString() =>
        $"{InstanceId}: {RuntimeStatus}, step {CustomStatus?.Step ?? "-"}, waiting {CustomStatus?.Waiting ?? "-"}, "
        + $"wakeUpAt {CustomStatus?.WakeUpAt?.ToString("o", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, "
        + $"output {Output?.Outcome ?? "-"}, lastUpdated {LastUpdatedTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture)}";
}
