namespace Orchestrator.Standalone.Http;

/// <summary>Request size limits, from the <c>Orchestrator:Limits</c> configuration section.</summary>
public sealed class RequestLimits
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orchestrator:Limits";

    /// <summary>
    /// Largest request body, in bytes, on every route but <c>POST /api/touchpoints</c> (whose limit is the largest
    /// batch: <c>MaxTouchpointBytes × MaxBatchSize</c>). Endpoints apply tighter limits of their own, such as 256 KiB for a definition.
    /// </summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted when a body is bound to a type.</summary>
    public int MaxJsonDepth { get; set; } = 64;
}
