using Orchestrator.Application.Customers;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Processing;

/// <summary>
/// Decides where a touchpoint goes: which active instances receive it and which journeys it starts
/// (entry event and condition, re-entry, cooldown, and <c>suppressWhileActive</c> against the customer's
/// active instances). Pure, so both the standalone runtime and the Azure Functions app route by the same rules.
/// </summary>
public static class TouchpointRouter
{
    /// <summary>Plans the routing of one touchpoint.</summary>
    /// <param name="touchpoint">The touchpoint, its customer resolved.</param>
    /// <param name="activeInstances">The customer's active instances.</param>
    /// <param name="entries">The customer's entry history by journey id.</param>
    /// <param name="activeDefinitions">The active version of every journey.</param>
    /// <param name="now">Current time.</param>
    /// <param name="customer">The customer's profile, for entry conditions on <c>customer.*</c>.</param>
    /// <returns>The plan.</returns>
    public static RoutePlan Plan(
        Touchpoint touchpoint,
        IReadOnlyList<InstanceView> activeInstances,
        IReadOnlyDictionary<string, JourneyEntryHistory> entries,
        IReadOnlyList<JourneyDefinition> activeDefinitions,
        DateTimeOffset now,
        Orchestrator.Journeys.Customers.CustomerProfile? customer = null)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentNullException.ThrowIfNull(activeInstances);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(activeDefinitions);

        var deliverTo = activeInstances.Where(i => i.AwaitedEvents.Contains(touchpoint.Type)).ToArray();
        var starts = new List<PlannedStart>();
        var notes = new List<string>();
        var refused = new List<RefusedEntry>();
        foreach (var definition in activeDefinitions)
        {
            if (definition.Entry.Event != touchpoint.Type)
            {
                continue;
            }

            var prior = entries.TryGetValue(definition.Id, out var history) && history.Count > 0
                ? [new PriorEntry(history.LastStartedAt, history.Active > 0)]
                : Array.Empty<PriorEntry>();
            var decision = EntryRules.Decide(definition, touchpoint, prior, now, customer);
            var instanceId = InstanceIds.For(definition.Id, touchpoint.CustomerId, touchpoint.Id);
            var suppressor = definition.SuppressWhileActive.FirstOrDefault(id => activeInstances.Any(i => i.JourneyId == id));
            switch (decision)
            {
                case EntryDecision.Enter when suppressor is not null:
                    notes.Add($"{definition.Id}: entry suppressed while '{suppressor}' is active");
                    refused.Add(new RefusedEntry(definition, "suppressed"));
                    break;
                case EntryDecision.Enter when activeInstances.Any(i => i.InstanceId == instanceId):
                    notes.Add($"{definition.Id}: instance {instanceId} already started by this touchpoint");
                    break;
                case EntryDecision.Enter:
                    starts.Add(new PlannedStart(definition, instanceId));
                    break;
                case EntryDecision.NotMatched:
                    refused.Add(new RefusedEntry(definition, "filter"));
                    break;
                default:
                    notes.Add($"{definition.Id}: entry refused ({Describe(decision)})");
                    refused.Add(new RefusedEntry(definition, decision == EntryDecision.CoolingDown ? "cooldown" : "reentry"));
                    break;
            }
        }

        return new RoutePlan(deliverTo, starts, notes) { Refused = refused };
    }

    private static string Describe(EntryDecision decision) => decision switch
    {
        EntryDecision.AlreadyEntered => "re-entry is never allowed and the customer entered before",
        EntryDecision.AlreadyActive => "the customer already has an active instance",
        EntryDecision.CoolingDown => "the cooldown since the last entry has not passed",
        _ => decision.ToString(),
    };
}
