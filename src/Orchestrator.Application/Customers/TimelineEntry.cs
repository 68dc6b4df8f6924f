using Orchestrator.Application.Actions;
using Orchestrator.Journeys;

namespace Orchestrator.Application.Customers;

/// <summary>One input applied to a customer's journeys, with every decision and action it caused.</summary>
/// <param name="Sequence">Position in the customer's timeline.</param>
/// <param name="At">Engine time it was applied.</param>
/// <param name="Kind">What happened: <c>touchpoint</c>, <c>wakeUp</c> or an operator command.</param>
/// <param name="Touchpoint">The touchpoint, for <c>touchpoint</c> entries.</param>
/// <param name="Decisions">Engine decisions per instance, in order.</param>
/// <param name="Actions">Actions sent, in order (withheld ones are in <see cref="Withheld"/>).</param>
/// <param name="Notes">Routing notes, such as entries refused by re-entry rules.</param>
public sealed record TimelineEntry(
    long Sequence,
    DateTimeOffset At,
    string Kind,
    Touchpoint? Touchpoint,
    IReadOnlyList<TimelineDecision> Decisions,
    IReadOnlyList<ActionMessage> Actions,
    IReadOnlyList<string> Notes)
{
    /// <summary>Actions the send-time rules skipped or deferred, with the verdict and reason.</summary>
    public IReadOnlyList<WithheldAction> Withheld { get; init; } = [];

    /// <summary>For actions that offered several channels: each channel passed over, and why.</summary>
    public IReadOnlyList<SkippedChannel> SkippedChannels { get; init; } = [];
}
