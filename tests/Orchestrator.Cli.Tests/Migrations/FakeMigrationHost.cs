using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Orchestrator.Cli.Tests.Migrations;

/// <summary>
/// A local HTTP server that answers the migration routes as the host does: a dry run from the map it is sent, a start,
/// then progress that reaches the end after <see cref="ReadsToFinish"/> reads. Records every request.
/// </summary>
internal sealed class FakeMigrationHost : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private int _reads;

    public FakeMigrationHost(int running = 3, string? blockedStep = null, int readsToFinish = 2)
    {
        Running = running;
        BlockedStep = blockedStep;
        ReadsToFinish = readsToFinish;
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    public int Running { get; }

    public string? BlockedStep { get; }

    public int ReadsToFinish { get; }

    /// <summary>Method, path, API key and body of every request, in order.</summary>
    public ConcurrentQueue<(string Method, string Path, string? Key, JsonNode? Body)> Requests { get; } = new();

    public void Dispose()
    {
        try
        {
            // Close only: on Linux, Close after Stop looks the endpoint up again and may find the port taken.
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // Clean-up of a test server: the port is released with the process at the latest.
        }

        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            var body = text.Length == 0 ? null : JsonNode.Parse(text);
            Requests.Enqueue((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["x-api-key"], body));
            var (status, answer) = Answer(context.Request.HttpMethod, body);
            var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int Status, JsonNode Body) Answer(string method, JsonNode? request)
    {
        if (method == "GET")
        {
            var read = Interlocked.Increment(ref _reads);
            var moved = Math.Min(Running, Running * read / ReadsToFinish);
            return (200, Migration(moved, moved == Running ? "Completed" : "Running"));
        }

        var steps = request!["steps"]!.AsObject();
        var blocked = BlockedStep is not null && !steps.ContainsKey(BlockedStep) && request["unmapped"] is null ? 1 : 0;
        var preview = new JsonObject
        {
            ["journeyId"] = "bill", ["from"] = 1, ["to"] = 2, ["total"] = Running, ["moved"] = Running - blocked, ["ended"] = 0, ["blocked"] = blocked,
            ["steps"] = new JsonArray(
                [.. steps.Select(s => (JsonNode)new JsonObject { ["step"] = s.Key, ["instances"] = Running - blocked, ["action"] = "Move", ["target"] = s.Value!.GetValue<string>() }),
                 .. blocked > 0 ? [new JsonObject { ["step"] = BlockedStep, ["instances"] = 1, ["action"] = "Block", ["target"] = null }] : Array.Empty<JsonNode>()]),
        };
        if (request["dryRun"]!.GetValue<bool>())
        {
            return (200, preview);
        }

        return blocked > 0
            ? (409, new JsonObject { ["title"] = "Migration blocked", ["detail"] = "1 running instance(s) sit at steps the map does not name" })
            : (202, new JsonObject { ["preview"] = preview, ["migration"] = Migration(0, "Running") });
    }

    private JsonObject Migration(int moved, string state) => new()
    {
        ["id"] = "m-1", ["journeyId"] = "bill", ["from"] = 1, ["to"] = 2, ["state"] = state,
        ["total"] = Running, ["moved"] = moved, ["ended"] = 0, ["blocked"] = 0, ["failed"] = 0, ["error"] = null,
    };

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
