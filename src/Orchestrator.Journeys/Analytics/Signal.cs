namespace Orchestrator.Journeys.Analytics;

/// <summary>The spelling of in-journey signal ids: what an instance saw, counted once per instance when it ends.</summary>
public static class Signal
{
    /// <summary>The instance entered a step: <c>step:{id}</c>.</summary>
    /// <param name="step">The step.</param>
    /// <returns>The signal id.</returns>
    public static string Step(string step) => $"step:{step}";

    /// <summary>A branch step took a case: <c>path:{step}:{case}</c> (<c>case 0</c>, …, <c>default</c>).</summary>
    /// <param name="step">The branch step.</param>
    /// <param name="label">The case label.</param>
    /// <returns>The signal id.</returns>
    public static string Path(string step, string label) => $"path:{step}:{label}";

    /// <summary>A split step assigned an arm: <c>arm:{step}:{label}</c>.</summary>
    /// <param name="step">The split step.</param>
    /// <param name="label">The arm's label.</param>
    /// <returns>The signal id.</returns>
    public static string Arm(string step, string label) => $"arm:{step}:{label}";

    /// <summary>An action went to a channel: <c>channel:{channel}</c>.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The signal id.</returns>
    public static string Channel(string channel) => $"channel:{channel}";

    /// <summary>The instance applied a touchpoint of a type: <c>touchpoint:{type}</c>.</summary>
    /// <param name="type">The touchpoint type.</param>
    /// <returns>The signal id.</returns>
    public static string Touchpoint(string type) => $"touchpoint:{type}";
}
