using System.Text.Json.Serialization;

namespace Orchestrator.Journeys.Engine;

/// <summary>What can happen to a running instance. The set is closed.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TouchpointReceived), "touchpoint")]
[JsonDerivedType(typeof(WakeUp), "wakeUp")]
[JsonDerivedType(typeof(StopRequested), "stop")]
public abstract record JourneyInput
{
    // Only the types in this assembly derive from it: the set is closed.
    private protected JourneyInput()
    {
    }
}

/// <summary>A touchpoint for the instance's customer arrived.</summary>
/// <param name="Touchpoint">The touchpoint.</param>
public sealed record TouchpointReceived(Touchpoint Touchpoint) : JourneyInput;

/// <summary>A timer the instance asked for fired. Stale wake-ups are harmless: nothing is due, nothing happens.</summary>
public sealed record WakeUp : JourneyInput
{
    /// <summary>The one wake-up value; it carries no data.</summary>
    public static WakeUp Instance { get; } = new();
}

/// <summary>An operator stopped the instance or its version; it ends with outcome <c>stopped</c>.</summary>
/// <param name="Reason">Why, for the record.</param>
public sealed record StopRequested(string? Reason) : JourneyInput;
