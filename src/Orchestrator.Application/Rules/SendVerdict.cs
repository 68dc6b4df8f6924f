namespace Orchestrator.Application.Rules;

/// <summary>The send-time rules' decision for one action.</summary>
/// <param name="Kind">Send, skip (and why) or defer.</param>
/// <param name="Reason">Plain-language reason, for the timeline.</param>
/// <param name="DeferUntil">For a deferral, when to try again.</param>
public sealed record SendVerdict(SendVerdictKind Kind, string? Reason = null, DateTimeOffset? DeferUntil = null)
{
    /// <summary>Send now.</summary>
    public static SendVerdict Send { get; } = new(SendVerdictKind.Send);
}
