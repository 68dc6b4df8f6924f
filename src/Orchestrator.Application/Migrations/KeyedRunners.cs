using System.Collections.Concurrent;

namespace Orchestrator.Application.Migrations;

/// <summary>The migrations this process is running, so the HTTP request and the host's loop never run one twice at once.</summary>
internal sealed class KeyedRunners
{
    private readonly ConcurrentDictionary<(string JourneyId, string Id), byte> _running = new();

    public bool TryEnter(string journeyId, string id) => _running.TryAdd((journeyId, id), 0);

    public void Exit(string journeyId, string id) => _running.TryRemove((journeyId, id), out _);
}
