using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Engine;

/// <summary>The journey's own entry rules: entry event and condition, re-entry policy and cooldown.</summary>
/// <remarks>Cross-journey rules (suppression, caps) are decided by the application layer on top of these.</remarks>
public static class EntryRules
{
    /// <summary>Whether a touchpoint matches the journey's entry event and condition.</summary>
    /// <param name="definition">The journey.</param>
    /// <param name="touchpoint">The touchpoint; it is both <c>event</c> and <c>trigger</c> for the condition.</param>
    /// <param name="customer">The customer's profile, for conditions on <c>customer.*</c>; null when the host read none.</param>
    /// <returns>True when it matches.</returns>
    public static bool Matches(JourneyDefinition definition, Touchpoint touchpoint, Customers.CustomerProfile? customer = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(touchpoint);
        if (touchpoint.Type != definition.Entry.Event)
        {
            return false;
        }

        var scope = new EvaluationScope(touchpoint, touchpoint, null, touchpoint.CustomerId, string.Empty, definition.Id, definition.Version)
        {
            Customer = customer,
        };
        return definition.Entry.When is null || definition.Entry.When.Evaluate(scope);
    }

    /// <summary>Decides whether the touchpoint starts a new instance.</summary>
    /// <param name="definition">The journey.</param>
    /// <param name="touchpoint">The touchpoint.</param>
    /// <param name="prior">The customer's earlier instances of this journey (any version).</param>
    /// <param name="now">Engine time.</param>
    /// <param name="customer">The customer's profile, for conditions on <c>customer.*</c>; null when the host read none.</param>
    /// <returns>The decision.</returns>
    public static EntryDecision Decide(JourneyDefinition definition, Touchpoint touchpoint, IEnumerable<PriorEntry> prior, DateTimeOffset now, Customers.CustomerProfile? customer = null)
    {
        ArgumentNullException.ThrowIfNull(prior);
        if (!Matches(definition, touchpoint, customer))
        {
            return EntryDecision.NotMatched;
        }

        var entries = prior as IReadOnlyCollection<PriorEntry> ?? [.. prior];
        return definition.Entry switch
        {
            { Reentry: ReentryPolicy.Never } when entries.Count > 0 => EntryDecision.AlreadyEntered,
            { Reentry: ReentryPolicy.AfterExit } when entries.Any(e => e.Active) => EntryDecision.AlreadyActive,
            { Cooldown: { } cooldown } when entries.Any(e => now - e.StartedAt < cooldown) => EntryDecision.CoolingDown,
            _ => EntryDecision.Enter,
        };
    }
}
