namespace Orchestrator.Journeys.Definitions;

/// <summary>
/// A validated journey definition: the designer's JSON document in typed form.
/// </summary>
/// <remarks>
/// Instances are only produced by <see cref="Parsing.JourneyDefinitionReader"/>, which runs every
/// validation rule first, so the engine never sees an invalid definition.
/// </remarks>
/// <param name="Id">Stable identifier of the journey (lowercase, digits and dashes).</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">Category used by cross-journey rules (for example <c>marketing</c>).</param>
/// <param name="Priority">Higher wins when two journeys' sends collide.</param>
/// <param name="Entry">When a customer enters the journey.</param>
/// <param name="Goal">What counts as success, checked at every step.</param>
/// <param name="Exit">Events that end an instance with outcome <c>exited</c>, checked at every step.</param>
/// <param name="SuppressWhileActive">Journeys whose active instances suppress this one's entries and sends.</param>
/// <param name="MaxDuration">Longest an instance may run before it ends with outcome <c>expired</c>.</param>
/// <param name="Start">The first step.</param>
/// <param name="Steps">Every step by id.</param>
public sealed record JourneyDefinition(
    string Id,
    string Name,
    string? Category,
    int Priority,
    EntryCriteria Entry,
    GoalCriteria? Goal,
    IReadOnlyList<EventCriteria> Exit,
    IReadOnlyList<string> SuppressWhileActive,
    TimeSpan? MaxDuration,
    string Start,
    IReadOnlyDictionary<string, JourneyStep> Steps)
{
    /// <summary>The deployed version this definition was loaded as; 0 before deployment.</summary>
    public int Version { get; init; }

    /// <summary>How the journey's success score weighs its parts; null for the defaults.</summary>
    public Analytics.ScoreSettings? Score { get; init; }
}
