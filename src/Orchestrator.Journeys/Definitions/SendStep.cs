using Orchestrator.Journeys.Templates;

namespace Orchestrator.Journeys.Definitions;

/// <summary>Sends a next-best action to a channel app.</summary>
/// <remarks>
/// A step names one channel (<c>"channel"</c>), channels in order of preference (<c>"channels"</c>: <see cref="Channels"/>,
/// with <see cref="Channel"/> their first), or <c>"channel": "preferred"</c> with <see cref="Fallback"/>: the customer's
/// <c>preferredChannel</c> attribute first. The send-time rules pick the first candidate that may be used.
/// </remarks>
/// <param name="Id">Step id.</param>
/// <param name="Channel">Channel the action is for (email, sms, mobile, web, ivr, contact-center…), or <see cref="Preferred"/>.</param>
/// <param name="Action">Action name the channel app understands.</param>
/// <param name="Data">Optional payload; strings may hold <c>{{…}}</c> templates.</param>
/// <param name="Next">The step after the send.</param>
public sealed record SendStep(string Id, string Channel, string Action, JsonTemplate? Data, string Next) : JourneyStep(Id)
{
    /// <summary>The channel name that means the customer's <c>preferredChannel</c> attribute.</summary>
    public const string Preferred = "preferred";

    /// <summary>The channels in order of preference, when the step lists them; empty when it names one channel.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>For <c>"channel": "preferred"</c>, the channels tried after the customer's preferred one, in order.</summary>
    public IReadOnlyList<string> Fallback { get; init; } = [];

    /// <inheritdoc />
    public override IEnumerable<string> Successors => [Next];

    /// <summary>The channels to try, in order, for a customer with the given preferred channel.</summary>
    /// <param name="preferredChannel">The customer's <c>preferredChannel</c> attribute, if any.</param>
    /// <returns>At least one channel, without repeats.</returns>
    public IReadOnlyList<string> CandidatesFor(string? preferredChannel)
    {
        if (Channel == Preferred)
        {
            var preferred = preferredChannel is { } name && Customers.ProfileNames.IsChannel(name) && name != Preferred ? [name] : Array.Empty<string>();
            return [.. preferred.Concat(Fallback).Distinct(StringComparer.Ordinal)];
        }

        return Channels.Count > 0 ? Channels : [Channel];
    }

    /// <inheritdoc />
    public override TResult Match<TResult>(IStepCases<TResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.OnSend(this);
    }
}
