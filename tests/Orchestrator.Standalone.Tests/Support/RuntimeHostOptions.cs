using Microsoft.Extensions.DependencyInjection;

namespace Orchestrator.Standalone.Tests.Support;

/// <summary>How a test starts the runtime host.</summary>
public sealed record RuntimeHostOptions
{
    /// <summary>Table and queue name prefix; a fresh one when null, so the host sees empty storage.</summary>
    public string? Prefix { get; init; }

    /// <summary>Runs on the system clock instead of a test clock.</summary>
    public bool SystemClock { get; init; }

    /// <summary>Folder to deploy journeys from at start-up (<c>Orchestrator:DeploySamplesFrom</c>).</summary>
    public string? DeploySamplesFrom { get; init; }

    /// <summary>Configuration values, such as <c>Orchestrator:MaxBatchSize</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The host environment (<c>Development</c> when null, as WebApplicationFactory starts it).</summary>
    public string? Environment { get; init; }

    /// <summary>
    /// Serves over real sockets with Kestrel, on a free loopback port, instead of the in-memory test server: for what only
    /// the real server does, such as cutting off a request body at its size limit.
    /// </summary>
    public bool Kestrel { get; init; }

    /// <summary>Replaces services after the host registered its own.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
