namespace Orchestrator.Application.Analytics;

/// <summary>How the analytics projection folds and keeps its buckets.</summary>
public sealed record AnalyticsOptions
{
    /// <summary>Whether commits write analytics records; off, the figures stop growing and the touchpoint path is as before.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How often the records committed in this process are folded. Figures lag a transition by about this.</summary>
    public TimeSpan FoldInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often every customer's analytics outbox is scanned for records no process folded (a crash).</summary>
    public TimeSpan RecoveryInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a customer stays idle before its folded records leave its outbox on a write of their own.</summary>
    public TimeSpan IdleFlushAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long hour buckets are kept; older figures come from day buckets.</summary>
    public TimeSpan HourRetention { get; init; } = TimeSpan.FromDays(8);

    /// <summary>How long day buckets are kept (the retention period of the figures).</summary>
    public TimeSpan DayRetention { get; init; } = TimeSpan.FromDays(400);

    /// <summary>
    /// How long the figures of a journey version's <c>optimize</c> arms are reused before they are read again: every new
    /// assignment sees the figures as they stood at most this long ago (plus <see cref="FoldInterval"/>).
    /// </summary>
    public TimeSpan ArmFiguresMaxAge { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long fold marks are kept: longer than any record can wait in an outbox.</summary>
    public TimeSpan MarkRetention { get; init; } = TimeSpan.FromDays(2);
}
