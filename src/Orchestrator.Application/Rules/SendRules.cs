namespace Orchestrator.Application.Rules;

/// <summary>
/// The cross-journey rules decided when an action is about to be sent, per customer and across all
/// journeys: suppression, quiet hours, frequency caps and priority. Pure: the caller passes the
/// customer's current active journeys and send history, read in the same transaction that records the
/// send, so no decision rests on a stale cache.
/// </summary>
/// <remarks>
/// Order: suppression (skip), quiet hours (defer — caps are checked again when the deferral ends),
/// frequency caps (skip), then priority against recent sends of other journeys (skip).
/// </remarks>
public static class SendRules
{
    /// <summary>Decides one send.</summary>
    /// <param name="request">The action about to be sent.</param>
    /// <param name="activeJourneys">Journey ids of the customer's active instances (other than the sender's own).</param>
    /// <param name="history">The customer's recent sends.</param>
    /// <param name="options">The rules.</param>
    /// <param name="now">Current time.</param>
    /// <returns>The verdict.</returns>
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

        if (options.QuietHours.TryGetValue(request.Channel, out var quiet))
        {
            var zone = Zone(request.TimeZone ?? options.DefaultTimeZone);
            var allowed = quiet.NextAllowed(now, zone);
            if (allowed > now)
            {
                return new SendVerdict(SendVerdictKind.Deferred, $"quiet hours on {request.Channel} in {zone.Id}", allowed);
            }
        }

        foreach (var cap in options.Caps)
        {
            if (!cap.Covers(request.Channel, request.Category))
            {
                continue;
            }

            var sent = history.Count(s => s.At > now - cap.Per && cap.Covers(s.Channel, s.Category));
            if (sent >= cap.Max)
            {
                return new SendVerdict(SendVerdictKind.Capped, $"cap of {cap.Max} {cap.Category} sends on {cap.Channel} per {cap.Per.TotalDays:0.##} days reached");
            }
        }

        var winner = history
            .Where(s => s.Channel == request.Channel && s.JourneyId != request.JourneyId && s.At > now - options.CollisionWindow && s.Priority > request.Priority)
            .MaxBy(s => s.Priority);
        return winner is null
            ? SendVerdict.Send
            : new SendVerdict(SendVerdictKind.LostPriority, $"'{winner.JourneyId}' (priority {winner.Priority}) sent on {request.Channel} at {winner.At:O}");
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
