namespace Orchestrator.Application.Rules;

/// <summary>The cross-journey rules applied when an action is about to be sent.</summary>
public sealed record SendRulesOptions
{
    /// <summary>
    /// No caps, no quiet hours, no collision window: every send goes out unless a suppressing journey is
    /// active. For running one journey on its own, as the simulator and its conformance suite do.
    /// </summary>
    public static SendRulesOptions None { get; } = new()
    {
        Caps = [],
        QuietHours = new Dictionary<string, QuietHours>(StringComparer.Ordinal),
        CollisionWindow = TimeSpan.Zero,
    };

    /// <summary>Frequency caps; by default at most 3 <c>marketing</c> sends per customer per 7 days on any channel.</summary>
    public IReadOnlyList<FrequencyCap> Caps { get; init; } = [new(FrequencyCap.Any, "marketing", 3, TimeSpan.FromDays(7))];

    /// <summary>Quiet hours by channel, in the customer's local time.</summary>
    public IReadOnlyDictionary<string, QuietHours> QuietHours { get; init; } = new Dictionary<string, QuietHours>(StringComparer.Ordinal)
    {
        ["sms"] = new(new TimeOnly(21, 0), new TimeOnly(8, 0)),
        ["ivr"] = new(new TimeOnly(20, 0), new TimeOnly(9, 0)),
        ["contact-center"] = new(new TimeOnly(20, 0), new TimeOnly(9, 0)),
    };

    /// <summary>
    /// Time zone used when neither the instance's variables (<c>vars.timeZone</c>) nor its touchpoints'
    /// data (<c>timeZone</c>) name one.
    /// </summary>
    public string DefaultTimeZone { get; init; } = "UTC";

    /// <summary>Two journeys' sends on one channel within this window collide: the higher priority wins.</summary>
    public TimeSpan CollisionWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether a send needs the customer's explicit opt-in for its channel. By default only an opt-out blocks a channel
    /// and a channel with unknown consent may be used.
    /// </summary>
    public bool RequireOptIn { get; init; }

    /// <summary>How long the send history must be kept to apply every cap and the collision window.</summary>
    public TimeSpan HistoryHorizon => Caps.Select(c => c.Per).Append(CollisionWindow).Max();
}
