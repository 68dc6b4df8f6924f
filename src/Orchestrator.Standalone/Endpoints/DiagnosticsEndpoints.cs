using System.Text.Json;
using Orchestrator.Storage.Diagnostics;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Standalone.Endpoints;

/// <summary>
/// <c>GET /diagnostics/runtime</c>: the storage requests this process sent, by kind, and its memory, for the load
/// tool. Mapped only when <c>Orchestrator:Diagnostics:Enabled</c> is true; like every unlisted route it needs the
/// management key.
/// </summary>
public static class DiagnosticsEndpoints
{
    /// <summary>The configuration switch.</summary>
    public const string EnabledSetting = "Orchestrator:Diagnostics:Enabled";

    /// <summary>Maps the route when diagnostics are enabled.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication MapDiagnosticsEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetValue<bool>(EnabledSetting))
        {
            app.MapGet("/diagnostics/runtime", GetRuntime).ExcludeFromDescription();
        }

        return app;
    }

    /// <summary>Writes the counters as JSON by hand: a diagnostics shape is no contract worth a source-generated type.</summary>
    /// <param name="collect">Whether to run a full, compacting collection first, so the heap size is what is live.</param>
    /// <param name="context">The request, for the in-memory action sink when the host keeps its state in memory.</param>
    /// <returns>
    /// 200 with <c>{ requests: { "operation resource": count }, workingSetBytes, gcHeapBytes, totalAllocatedBytes, … }</c>,
    /// and <c>actionsSent</c> when actions stay in the process (<c>Storage:Mode</c> Memory).
    /// </returns>
    public static IResult GetRuntime(bool? collect, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (collect == true)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("requests");
            foreach (var (kind, count) in StorageRequestCounter.Snapshot().OrderBy(p => p.Key.ToString(), StringComparer.Ordinal))
            {
                json.WriteNumber(kind.ToString(), count);
            }

            json.WriteEndObject();
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var gc = GC.GetGCMemoryInfo();
            json.WriteNumber("workingSetBytes", process.WorkingSet64);
            json.WriteNumber("gcHeapBytes", gc.HeapSizeBytes);
            json.WriteNumber("gcAllocatedBytes", GC.GetTotalMemory(forceFullCollection: false));
            json.WriteNumber("gen2Collections", GC.CollectionCount(2));
            json.WriteNumber("totalAllocatedBytes", GC.GetTotalAllocatedBytes(precise: false));
            if (context.RequestServices.GetService<InMemoryActionSink>() is { } actions)
            {
                json.WriteNumber("actionsSent", actions.Count);
            }

            json.WriteEndObject();
        }

        return Results.Bytes(buffer.ToArray(), "application/json");
    }
}
