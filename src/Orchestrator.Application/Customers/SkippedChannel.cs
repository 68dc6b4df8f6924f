using Orchestrator.Application.Rules;

namespace Orchestrator.Application.Customers;

/// <summary>
/// A channel the send-time rules passed over for an action that offered several (<c>channels</c>, or the customer's
/// preferred channel and its fallback), and why: the timeline's record of how the channel was chosen.
/// </summary>
/// <param name="InstanceId">The sending instance.</param>
/// <param name="IdempotencyKey">The action's idempotency key.</param>
/// <param name="Channel">The channel passed over.</param>
/// <param name="Verdict">Why: no consent, quiet hours, capped or lost priority.</param>
/// <param name="Reason">The rule's plain-language reason.</param>
/// <param name="UsedInstead">The channel the action went out on (or was deferred to); null when it was withheld.</param>
public sealed record SkippedChannel(
    string InstanceId,
    string IdempotencyKey,
    string Channel,
    SendVerdictKind Verdict,
    string Reason,
    string? UsedInstead);
