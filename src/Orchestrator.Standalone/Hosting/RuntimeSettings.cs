namespace Orchestrator.Standalone.Hosting;

/// <summary>The host's own settings, from the <c>Orchestrator</c> configuration section.</summary>
public sealed class RuntimeSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orchestrator";

    /// <summary>
    /// A folder whose <c>*.json</c> journey definitions are deployed at start-up (relative to the content
    /// root); none when empty.
    /// </summary>
    public string? DeploySamplesFrom { get; set; }

    /// <summary>How long a received touchpoint message stays hidden from other receivers while it is processed.</summary>
    public TimeSpan TouchpointVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
