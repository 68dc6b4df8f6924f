using System.Collections.Concurrent;
using System.Net;
using Orchestrator.Conformance.Tests.Harness.Api;

namespace Orchestrator.Reliability.Tests;

/// <summary>
/// Channel apps posting touchpoints: several lanes in parallel, each in order at a steady pace, each touchpoint
/// re-sent until the host answers 202, whatever happens to the host in between.
/// </summary>
/// <param name="api">The host.</param>
/// <param name="lanes">The touchpoints of each lane, in the order posted.</param>
/// <param name="pace">The pause between two touchpoints of a lane: spreads the stream over the journey's timers, so the
/// host fires timers and takes touchpoints at the same time.</param>
public sealed class TouchpointStream(OrchestratorApi api, IReadOnlyList<IReadOnlyList<PlannedTouchpoint>> lanes, TimeSpan pace)
{
    /// <summary>How long a channel app waits before re-sending a touchpoint the host did not take.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, AcceptedView> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private int _inFlight;

    /// <summary>Touchpoints the host answered 202 for, by id, with how it took them (the last 202 answer).</summary>
    public IReadOnlyDictionary<string, AcceptedView> Accepted => _accepted;

    /// <summary>Attempts that got no 202: refused connections, resets, errors.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    public int Total => lanes.Sum(l => l.Count);

    /// <summary>Requests sent and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Posts every lane to the end.</summary>
    /// <param name="cancellationToken">Gives up.</param>
    /// <returns>A task that completes when every touchpoint was accepted.</returns>
    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(lanes.Select(lane => Task.Run(() => RunLaneAsync(lane, cancellationToken), cancellationToken)));

    private async Task RunLaneAsync(IReadOnlyList<PlannedTouchpoint> lane, CancellationToken cancellationToken)
    {
        foreach (var touchpoint in lane)
        {
            while (true)
            {
                Interlocked.Increment(ref _inFlight);
                try
                {
                    var answer = await api.PostTouchpointAsync(touchpoint.CloudEvent, cancellationToken);
                    if (answer.StatusCode == HttpStatusCode.Accepted && answer.Accepted.Count == 1)
                    {
                        _accepted[touchpoint.Id] = answer.Accepted[0];
                        await Task.Delay(pace, cancellationToken);
                        break;
                    }

                    _failures.Enqueue($"{touchpoint.Id}: {answer}");
                }
                catch (HttpRequestException exception)
                {
                    _failures.Enqueue($"{touchpoint.Id}: {exception.Message}");
                }
                catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // The client's own timeout: the host hung or died mid-request.
                    _failures.Enqueue($"{touchpoint.Id}: {exception.Message}");
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }

                await Task.Delay(RetryInterval, cancellationToken);
            }
        }
    }
}
