using Orchestrator.Application.Actions;

namespace Orchestrator.Application.Rules;

/// <summary>An action the send-time rules deferred (quiet hours), kept on its instance until it is due.</summary>
/// <param name="Action">The action as decided, with its original idempotency key.</param>
/// <param name="DueAt">When the rules allow it again.</param>
/// <param name="Reason">Why it was deferred.</param>
public sealed record DeferredAction(ActionMessage Action, DateTimeOffset DueAt, string? Reason);
