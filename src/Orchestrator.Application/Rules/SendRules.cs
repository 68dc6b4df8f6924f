using Orchestrator.Journeys.Customers;

namespace Orchestrator.Application.Rules;

/// <summary>
/// The cross-journey rules decided when an action is about to be sent, per customer and across all
/// journeys: suppression, quiet hours, frequency caps and priority. Pure: the caller passes the
/// customer's current active journeys and send history, read in the same transaction that records the
/// send, so no decision rests on a stale cache.
/// </summary>
/// <remarks>
/// Order: suppression (skip), then for each channel offered, in order: consent (skip), quiet hours (defer — caps
/// are checked again when the deferral ends), frequency caps (skip), priority against recent sends of other journeys
/// (skip). The first channel that passes is used.
/// </remarks>
public static class SendRules
{
    /// <summary>Decides one send, choosing its channel when the request offers several.</summary>
    /// <param name="request">The action about to be sent.</param>
    /// <param name="activeJourneys">Journey ids of the customer's active instances (other than the sender's own).</param>
    /// <param name="history">The customer's recent sends.</param>
    /// <param name="options">The rules.</param>
    /// <param name="now">Current time.</param>
    /// <returns>
    /// The verdict: send on the first channel that consent, quiet hours, caps and priority allow, with why each earlier
    /// one was skipped; otherwise deferred to the earliest end of quiet hours when any channel was only in quiet hours;
    /// otherwise skipped for the first channel's reason, with every channel's reason.
    /// </returns>
    public static SendVerdict Decide(
        SendRequest request,
        IReadOnlyCollection<string> activeJourneys,
        IReadOnlyList<SentAction> history,
        SendRulesOptions options,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(activeJourneys);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);

        var suppressor = request.SuppressWhileActive.FirstOrDefault(activeJourneys.Contains);
        if (suppressor is not null)
        {
            return new SendVerdict(SendVerdictKind.Suppressed, $"suppressed while '{suppressor}' is active");
        }

        var skipped = new List<ChannelSkip>();
        (string Channel, DateTimeOffset Until)? earliestQuiet = null;
        foreach (var channel in request.Alternatives.Prepend(request.Channel))
        {
            var block = Block(request, channel, history, options, now, out var allowedAt);
            if (block is null)
            {
                return SendVerdict.Send with { Channel = channel, Skipped = skipped };
            }

            skipped.Add(block);
            if (allowedAt is { } until && (earliestQuiet is null || until < earliestQuiet.Value.Until))
            {
                earliestQuiet = (channel, until);
            }
        }

        var reason = skipped.Count == 1 ? skipped[0].Reason : string.Join("; ", skipped.Select(s => $"{s.Channel}: {s.Reason}"));
        if (earliestQuiet is { } quiet)
        {
            // Quiet hours end; consent, caps and priority do not: the deferred action waits for the channel that opens first.
            return new SendVerdict(SendVerdictKind.Deferred, reason, quiet.Until) { Channel = quiet.Channel, Skipped = skipped };
        }

        return new SendVerdict(skipped[0].Kind, reason) { Channel = request.Channel, Skipped = skipped };
    }

    // Why one channel cannot be used now, in the rules' order: consent, quiet hours (with when they end), caps, priority.
    private static ChannelSkip? Block(SendRequest request, string channel, IReadOnlyList<SentAction> history, SendRulesOptions options, DateTimeOffset now, out DateTimeOffset? allowedAt)
    {
        allowedAt = null;
        var consent = request.Consent.TryGetValue(channel, out var given) ? given.Status : (ConsentStatus?)null;
        if (consent == ConsentStatus.OptOut)
        {
            return new ChannelSkip(channel, SendVerdictKind.NoConsent, $"the customer opted out of {channel}");
        }

        if (consent is null && options.RequireOptIn)
        {
            return new ChannelSkip(channel, SendVerdictKind.NoConsent, $"the customer has not opted in to {channel}");
        }

        if (options.QuietHours.TryGetValue(channel, out var quiet))
        {
            var zone = Zone(request.TimeZone ?? options.DefaultTimeZone);
            var allowed = quiet.NextAllowed(now, zone);
            if (allowed > now)
            {
                allowedAt = allowed;
                return new ChannelSkip(channel, SendVerdictKind.Deferred, $"quiet hours on {channel} in {zone.Id}");
            }
        }

        foreach (var cap in options.Caps)
        {
            if (!cap.Covers(channel, request.Category))
            {
                continue;
            }

            var sent = history.Count(s => s.At > now - cap.Per && cap.Covers(s.Channel, s.Category));
            if (sent >= cap.Max)
            {
                return new ChannelSkip(channel, SendVerdictKind.Capped, $"cap of {cap.Max} {cap.Category} sends on {cap.Channel} per {cap.Per.TotalDays:0.##} days reached");
            }
        }

        var winner = history
            .Where(s => s.Channel == channel && s.JourneyId != request.JourneyId && s.At > now - options.CollisionWindow && s.Priority > request.Priority)
            .MaxBy(s => s.Priority);
        return winner is null
            ? null
            : new ChannelSkip(channel, SendVerdictKind.LostPriority, $"'{winner.JourneyId}' (priority {winner.Priority}) sent on {channel} at {winner.At:O}");
    }

    /// <summary>Drops history no rule can need any more.</summary>
    /// <param name="history">The send history.</param>
    /// <param name="options">The rules.</param>
    /// <param name="now">Current time.</param>
    /// <returns>The sends still within the horizon.</returns>
    public static IReadOnlyList<SentAction> Prune(IReadOnlyList<SentAction> history, SendRulesOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        var horizon = now - options.HistoryHorizon;
        return history.All(s => s.At > horizon) ? history : [.. history.Where(s => s.At > horizon)];
    }

    private static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
