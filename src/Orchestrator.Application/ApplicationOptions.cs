using Orchestrator.Application.Rules;

namespace Orchestrator.Application;

/// <summary>Tuning of the application layer; the defaults suit the standalone runtime.</summary>
public sealed record ApplicationOptions
{
    /// <summary>How long the set of active definitions is cached; deployments through this process show at once.</summary>
    public TimeSpan ActiveDefinitionsRefresh { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Due timers woken at once (oldest first). A backlog, such as the timers that fell due while the host was down,
    /// drains at about this many wake-ups per storage round trip time; touchpoints are served beside it.
    /// </summary>
    public int MaxConcurrentWakeUps { get; init; } = 4;

    /// <summary>How often one input is retried after losing a write race before giving up.</summary>
    public int MaxConflictRetries { get; init; } = 20;

    /// <summary>Deliveries of a queued touchpoint before it is kept aside as poison.</summary>
    public int MaxDeliveryAttempts { get; init; } = 5;

    /// <summary>Largest touchpoint accepted, in bytes of CloudEvent JSON.</summary>
    public int MaxTouchpointBytes { get; init; } = 64 * 1024;

    /// <summary>Most touchpoints in one batch.</summary>
    public int MaxBatchSize { get; init; } = 100;

    /// <summary>
    /// Whether the standalone runtime applies a batch's touchpoints of one customer as one group commit (the default);
    /// false applies them one at a time, each its own transaction. The outcome is the same either way.
    /// </summary>
    public bool GroupCommit { get; init; } = true;

    /// <summary>
    /// Subject prefixes that mark an alias to resolve through the identity table rather than a customer id,
    /// such as <c>email:ann@example.com</c>.
    /// </summary>
    public IReadOnlyList<string> AliasSchemes { get; init; } = ["email", "phone", "device", "cookie", "account"];

    /// <summary>
    /// The touchpoint type whose <c>data</c> changes the customer's profile (attributes and consent, merged shallowly;
    /// see <c>docs/customer-profile.md</c>). Such a touchpoint still routes to journeys as any other.
    /// </summary>
    public string ProfileTouchpointType { get; init; } = Journeys.Customers.ProfileChange.DefaultTouchpointType;

    /// <summary>The cross-journey rules applied when an action is about to be sent (suppression, quiet hours, caps, priority).</summary>
    public SendRulesOptions SendRules { get; init; } = new();

    /// <summary>How fast migrations of running instances to another version move them.</summary>
    public Migrations.MigrationOptions Migrations { get; init; } = new();

    /// <summary>The analytics projection: whether commits write analytics records, how they are folded and kept.</summary>
    public Analytics.AnalyticsOptions Analytics { get; init; } = new();
}
