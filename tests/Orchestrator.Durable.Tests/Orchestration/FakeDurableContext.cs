using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Durable.Orchestration;

namespace Orchestrator.Durable.Tests.Orchestration;

/// <summary>
/// A fake Durable orchestration host for one instance, behaving as Durable does where the journey loop relies
/// on it: inputs, activity inputs and results, events and the custom status go through JSON; an event raised while
/// nobody waits is buffered for the next wait (also when the wait was cancelled); timers fire when fake time
/// passes them; a cancelled timer never fires; continue-as-new restarts the loop with the new input and keeps
/// (or drops) unprocessed events. Everything runs inline on the caller's thread, as the in-memory stores
/// complete synchronously, so a test reads as a sequence of stimuli and checks.
/// </summary>
internal sealed class FakeDurableContext : IJourneyOrchestrationContext
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FakeTimeProvider _clock;
    private readonly Dictionary<string, Func<string, Task<object?>>> _activities = new(StringComparer.Ordinal);
    private readonly Queue<(string Name, string Payload)> _buffered = new();
    private readonly List<(string Name, TaskCompletionSource<string> Source)> _waiters = [];
    private readonly List<(DateTimeOffset At, TaskCompletionSource Source)> _timers = [];
    private Task<JourneyOrchestrationOutput?>? _running;
    private string? _nextInput;
    private bool _preserveEvents;

    public FakeDurableContext(string instanceId, FakeTimeProvider clock)
    {
        InstanceId = instanceId;
        _clock = clock;
    }

    public string InstanceId { get; }

    public DateTimeOffset CurrentUtcDateTime => _clock.GetUtcNow();

    public List<string> ActivityCalls { get; } = [];

    public List<JourneyOrchestrationInput> Generations { get; } = [];

    public string? CustomStatusJson { get; private set; }

    public JourneyOrchestrationOutput? Output { get; private set; }

    public bool IsCompleted { get; private set; }

    public int PendingTimers => _timers.Count;

    /// <summary>When the earliest pending timer fires; null when none is pending.</summary>
    public DateTimeOffset? NextTimerAt => _timers.Count == 0 ? null : _timers.Min(t => t.At);

    /// <summary>Waits for a touchpoint; a running instance also waits for a migration's order beside each.</summary>
    public int PendingWaits => _waiters.Count(w => string.Equals(w.Name, JourneyOrchestrationNames.TouchpointEvent, StringComparison.Ordinal));

    public JourneyOrchestrationStatus? CustomStatus =>
        CustomStatusJson is null ? null : JsonSerializer.Deserialize<JourneyOrchestrationStatus>(CustomStatusJson, Json);

    public void OnActivity<TIn, TOut>(string name, Func<TIn, Task<TOut>> handler) =>
        _activities[name] = async payload => await handler(JsonSerializer.Deserialize<TIn>(payload, Json)!);

    /// <summary>Starts the orchestration and runs it until it waits or ends.</summary>
    public void Start(JourneyOrchestrationInput input)
    {
        Run(JsonSerializer.Serialize(input, Json));
        Settle();
    }

    /// <summary>Raises an event, as <c>RaiseEventAsync</c> does: delivered to a waiting wait, or buffered.</summary>
    public void Raise(string name, object payload)
    {
        var serialized = JsonSerializer.Serialize(payload, Json);
        var index = _waiters.FindIndex(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            _buffered.Enqueue((name, serialized));
            return;
        }

        var waiter = _waiters[index];
        _waiters.RemoveAt(index);
        waiter.Source.SetResult(serialized);
        Settle();
    }

    /// <summary>Moves fake time to an instant, firing due timers in order.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        while (true)
        {
            var due = _timers.Where(t => t.At <= at).OrderBy(t => t.At).FirstOrDefault();
            if (due.Source is null)
            {
                break;
            }

            if (due.At > _clock.GetUtcNow())
            {
                _clock.SetUtcNow(due.At);
            }

            _timers.Remove(due);
            due.Source.SetResult();
            Settle();
        }

        if (at > _clock.GetUtcNow())
        {
            _clock.SetUtcNow(at);
        }
    }

    public async Task<T> CallActivityAsync<T>(string name, object? input)
    {
        ActivityCalls.Add(name);
        if (!_activities.TryGetValue(name, out var handler))
        {
            throw new InvalidOperationException($"No activity '{name}'.");
        }

        var result = await handler(JsonSerializer.Serialize(input, Json));
        return JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(result, Json), Json)!;
    }

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken)
    {
        var buffered = _buffered.FirstOrDefault(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (buffered.Payload is not null)
        {
            var rest = _buffered.Where(e => !ReferenceEquals(e.Payload, buffered.Payload)).ToArray();
            _buffered.Clear();
            foreach (var e in rest)
            {
                _buffered.Enqueue(e);
            }

            return Task.FromResult(JsonSerializer.Deserialize<T>(buffered.Payload, Json)!);
        }

        var source = new TaskCompletionSource<string>();
        var entry = (eventName, source);
        _waiters.Add(entry);
        cancellationToken.Register(() =>
        {
            if (_waiters.Remove(entry))
            {
                source.TrySetCanceled(cancellationToken);
            }
        });
        return Map<T>(source.Task);
    }

    public Task CreateTimer(DateTimeOffset fireAt, CancellationToken cancellationToken)
    {
        var source = new TaskCompletionSource();
        var entry = (fireAt, source);
        _timers.Add(entry);
        cancellationToken.Register(() =>
        {
            if (_timers.Remove(entry))
            {
                source.TrySetCanceled(cancellationToken);
            }
        });
        return source.Task;
    }

    public void SetCustomStatus(object? customStatus)
    {
        var json = JsonSerializer.Serialize(customStatus, Json);
        Assert.True(json.Length * 2 <= 16 * 1024, $"custom status of {json.Length} characters exceeds 16 KB");
        CustomStatusJson = json;
    }

    public void ContinueAsNew(object newInput, bool preserveUnprocessedEvents)
    {
        _nextInput = JsonSerializer.Serialize(newInput, Json);
        _preserveEvents = preserveUnprocessedEvents;
    }

    private static async Task<T> Map<T>(Task<string> payload) => JsonSerializer.Deserialize<T>(await payload, Json)!;

    private void Run(string inputJson)
    {
        var input = JsonSerializer.Deserialize<JourneyOrchestrationInput>(inputJson, Json)!;
        Generations.Add(input);
        _running = JourneyOrchestration.RunAsync(this, input);
    }

    // After each stimulus the loop must have run to its next wait (or its end) synchronously; a generation that
    // continued as new restarts here, as Durable restarts the function with the new input.
    private void Settle()
    {
        while (_running is { IsCompleted: true } done)
        {
            _running = null;
            var output = done.GetAwaiter().GetResult();
            if (_nextInput is { } next)
            {
                _nextInput = null;

                // Timers and waits of the old generation are gone; its unprocessed events are kept when asked.
                _timers.Clear();
                _waiters.Clear();
                if (!_preserveEvents)
                {
                    _buffered.Clear();
                }

                Run(next);
                continue;
            }

            Output = output;
            IsCompleted = true;
        }

        if (_running is not null)
        {
            Assert.True(_waiters.Count > 0 || _timers.Count > 0, "the orchestration neither ended nor waits for anything");
        }
    }
}
