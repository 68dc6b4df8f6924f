namespace Orchestrator.Standalone.Security;

/// <summary>The API keys, from the <c>Orchestrator:Security</c> configuration section.</summary>
public sealed class ApiKeySettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orchestrator:Security";

    /// <summary>
    /// Keys for the management routes (designer, customers, ops, poison); several, comma-separated, while one is rotated.
    /// </summary>
    public string? ManagementKey { get; set; }

    /// <summary>Keys for <c>POST /api/touchpoints</c>; several, comma-separated, while one is rotated.</summary>
    public string? IngestionKey { get; set; }

    /// <summary>
    /// Generates (and prints once) a random key for each kind that has none configured, as the Development
    /// environment always does; anywhere else a missing key stops the host from starting.
    /// </summary>
    public bool GenerateDevelopmentKeys { get; set; }
}
