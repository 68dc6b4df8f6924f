namespace Orchestrator.Application.Rules;

/// <summary>The send-time rules' decision for one action.</summary>
/// <param name="Kind">Send, skip (and why) or defer.</param>
/// <param name="Reason">Plain-language reason, for the timeline.</param>
/// <param name="DeferUntil">For a deferral, when to try again.</param>
public sealed record SendVerdict(SendVerdictKind Kind, string? Reason = null, DateTimeOffset? DeferUntil = null)
{
    /// <summary>Send now.</summary>
    public static SendVerdict Send { get; } = new(SendVerdictKind.Send);

    /// <summary>The channel the verdict is for: the one to send or defer on; null means the request's first channel.</summary>
    public string? Channel { get; init; }

    /// <summary>Channels tried before the verdict's and why each could not be used, in order.</summary>
    public IReadOnlyList<ChannelSkip> Skipped { get; init; } = [];
}
