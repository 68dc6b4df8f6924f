namespace Orchestrator.Application.Rules;

/// <summary>A channel the send-time rules could not use for an action, and why.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Kind">Why: no consent, quiet hours (deferred), capped or lost priority.</param>
/// <param name="Reason">Plain-language reason.</param>
public sealed record ChannelSkip(string Channel, SendVerdictKind Kind, string Reason);
