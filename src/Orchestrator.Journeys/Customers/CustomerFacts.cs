namespace Orchestrator.Journeys.Customers;

/// <summary>
/// What the runtime knows of a customer from their touchpoints and journeys, kept up to date on every commit of
/// their row: the latest touchpoint, the journeys they are in now and how their latest journeys ended. Bounded, so
/// the row stays small however long the customer lives.
/// </summary>
public sealed record CustomerFacts
{
    /// <summary>Most journeys listed in <see cref="Journeys"/>.</summary>
    public const int MaxJourneys = 20;

    /// <summary>Most outcomes kept in <see cref="RecentOutcomes"/>.</summary>
    public const int MaxRecentOutcomes = 10;

    /// <summary>No facts yet: a customer never seen.</summary>
    public static CustomerFacts None { get; } = new();

    /// <summary>When the latest touchpoint happened (its own time).</summary>
    public DateTimeOffset? LastTouchpointAt { get; init; }

    /// <summary>The latest touchpoint's type.</summary>
    public string? LastTouchpointType { get; init; }

    /// <summary>The latest touchpoint's source: the channel app the customer last used.</summary>
    public string? LastChannel { get; init; }

    /// <summary>The journeys the customer is in now (running or suspended), at most <see cref="MaxJourneys"/>.</summary>
    public IReadOnlyList<JourneyPresence> Journeys { get; init; } = [];

    /// <summary>How the customer's latest journeys ended, oldest first, at most <see cref="MaxRecentOutcomes"/>.</summary>
    public IReadOnlyList<OutcomeFact> RecentOutcomes { get; init; } = [];

    /// <summary>The facts after a touchpoint; an older touchpoint than the latest leaves them as they are.</summary>
    /// <param name="touchpoint">The touchpoint.</param>
    /// <returns>The facts.</returns>
    public CustomerFacts After(Touchpoint touchpoint)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return LastTouchpointAt is { } last && last > touchpoint.Time
            ? this
            : this with { LastTouchpointAt = touchpoint.Time, LastTouchpointType = touchpoint.Type, LastChannel = touchpoint.Source };
    }

    /// <summary>The facts with the journeys the customer is in now, and the outcomes of the ones that just ended.</summary>
    /// <param name="journeys">The customer's active instances after the commit.</param>
    /// <param name="ended">Instances that ended in the commit.</param>
    /// <returns>The facts.</returns>
    public CustomerFacts With(IEnumerable<JourneyPresence> journeys, IReadOnlyCollection<OutcomeFact> ended)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(ended);
        var outcomes = RecentOutcomes;
        if (ended.Count > 0)
        {
            var all = RecentOutcomes.Concat(ended).ToArray();
            outcomes = all.Length <= MaxRecentOutcomes ? all : all[^MaxRecentOutcomes..];
        }

        return this with { Journeys = [.. journeys.Take(MaxJourneys)], RecentOutcomes = outcomes };
    }
}
