using System.Text.Json;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Serialization;

namespace Orchestrator.Storage.Memory;

/// <summary><see cref="IActionSink"/> in memory: keeps every action sent, for tests and local runs to read. Thread-safe.</summary>
public sealed class InMemoryActionSink : IActionSink
{
    private readonly Lock _lock = new();
    private readonly List<ActionMessage> _sent = [];

    /// <summary>Actions sent so far, in order.</summary>
    public IReadOnlyList<ActionMessage> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>How many actions were sent so far.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _sent.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task SendAsync(ActionMessage action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);

        // Through JSON, as on the queue, so what a reader gets is what a channel app would get.
        var json = JsonSerializer.SerializeToUtf8Bytes(action, ApplicationJsonContext.Default.ActionMessage);
        var received = StorageJson.Deserialize(json, ApplicationJsonContext.Default.ActionMessage, "Action");
        lock (_lock)
        {
            _sent.Add(received);
        }

        return Task.CompletedTask;
    }
}
