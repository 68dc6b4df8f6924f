using Orchestrator.Application.Rules;

namespace Orchestrator.Application.Customers;

/// <summary>An action the send-time rules did not send now: skipped for good, or deferred.</summary>
/// <param name="InstanceId">The sending instance.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="IdempotencyKey">The action's idempotency key.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Action">Its action name.</param>
/// <param name="Verdict">Why it was not sent: suppressed, capped, lost priority or deferred.</param>
/// <param name="Reason">The rule's plain-language reason.</param>
/// <param name="DeferredUntil">For a deferral, when it is tried again.</param>
public sealed record WithheldAction(
    string InstanceId,
    string JourneyId,
    string IdempotencyKey,
    string Channel,
    string Action,
    SendVerdictKind Verdict,
    string? Reason,
    DateTimeOffset? DeferredUntil = null);
