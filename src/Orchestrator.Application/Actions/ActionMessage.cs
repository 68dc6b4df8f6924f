using System.Text.Json;

namespace Orchestrator.Application.Actions;

/// <summary>
/// A next-best action for a channel app. Dispatch is at-least-once; the idempotency key is the same on
/// every delivery of one action, so channel apps drop repeats.
/// </summary>
/// <param name="IdempotencyKey">Unique per instance and step visit.</param>
/// <param name="Channel">Target channel.</param>
/// <param name="Action">Action name.</param>
/// <param name="Data">Rendered payload.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The journey version.</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="StepId">The send step.</param>
/// <param name="CreatedAt">Engine time the action was decided.</param>
public sealed record ActionMessage(
    string IdempotencyKey,
    string Channel,
    string Action,
    JsonElement? Data,
    string CustomerId,
    string JourneyId,
    int Version,
    string InstanceId,
    string StepId,
    DateTimeOffset CreatedAt);
