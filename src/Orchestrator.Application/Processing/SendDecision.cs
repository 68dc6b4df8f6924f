using Orchestrator.Application.Actions;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Rules;

namespace Orchestrator.Application.Processing;

/// <summary>
/// What the send-time rules decided for every send one input asked for, taken once the input has moved every
/// instance it reaches: the transaction commits it and dispatches <see cref="Actions"/> after the commit.
/// </summary>
/// <param name="Actions">Actions to send now, highest journey priority first; they go in the outbox.</param>
/// <param name="Timers">Deferral timers: when each instance's deferred actions come due.</param>
/// <param name="Withheld">Actions skipped or deferred, with the verdict and reason.</param>
/// <param name="Skipped">Channels passed over for actions that offered several.</param>
/// <param name="Sends">The customer's send history once these are sent, pruned to what the rules still read.</param>
internal sealed record SendDecision(
    IReadOnlyList<ActionMessage> Actions,
    IReadOnlyList<DueTimer> Timers,
    IReadOnlyList<WithheldAction> Withheld,
    IReadOnlyList<SkippedChannel> Skipped,
    IReadOnlyList<SentAction> Sends);
