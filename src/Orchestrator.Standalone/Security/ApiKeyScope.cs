namespace Orchestrator.Standalone.Security;

/// <summary>Which key a request needs.</summary>
public enum ApiKeyScope
{
    /// <summary>None: the health probe and the API description.</summary>
    Open,

    /// <summary>The management key: designer, customer, ops and poison routes, and any route not listed.</summary>
    Management,

    /// <summary>The ingestion key: channel apps posting touchpoints.</summary>
    Ingestion,
}
