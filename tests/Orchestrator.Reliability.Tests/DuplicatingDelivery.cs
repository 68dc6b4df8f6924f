using System.Collections.Concurrent;
using Orchestrator.Conformance.Tests.Harness;
using Orchestrator.Conformance.Tests.Harness.Api;

namespace Orchestrator.Reliability.Tests;

/// <summary>
/// Delivers every touchpoint twice, as an at-least-once network does: even-numbered touchpoints of a script as
/// two concurrent requests, odd-numbered ones once now and again later, after the customer's next touchpoint
/// (and the timers before it) was applied, or at the end of the run for the last one.
/// </summary>
public sealed class DuplicatingDelivery : ITouchpointDelivery
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedTouchpoint>> _heldBack = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Delivery>> _deliveries = new(StringComparer.Ordinal);

    /// <summary>Every answer, by touchpoint id (ids are unique per customer; see <see cref="Key"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Delivery>> Deliveries =>
        _deliveries.ToDictionary(p => p.Key, p => (IReadOnlyList<Delivery>)[.. p.Value], StringComparer.Ordinal);

    /// <summary>The key of a touchpoint in <see cref="Deliveries"/>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="touchpointId">The touchpoint id.</param>
    /// <returns><c>{customerId}/{touchpointId}</c>.</returns>
    public static string Key(string customerId, string touchpointId) => $"{customerId}/{touchpointId}";

    public async Task<IReadOnlyList<string>> DeliverAsync(OrchestratorApi api, ScriptedTouchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(touchpoint);
        var problems = new List<string>();
        if (touchpoint.Index % 2 == 0)
        {
            var answers = await Task.WhenAll(
                PostAsync(api, touchpoint, "burst", cancellationToken),
                PostAsync(api, touchpoint, "burst", cancellationToken));
            if (!answers.Any(a => a.Answer.SingleStatus == AcceptedView.Applied))
            {
                problems.Add($"touchpoint {touchpoint.Id}: neither of two concurrent deliveries was applied: {string.Join(" / ", answers.Select(a => a.Answer))}");
            }
        }
        else
        {
            var answer = await PostAsync(api, touchpoint, "first", cancellationToken);
            if (answer.Answer.SingleStatus != AcceptedView.Applied)
            {
                problems.Add($"touchpoint {touchpoint.Id}: first delivery not applied: {answer.Answer}");
            }
        }

        // The customer's earlier touchpoints held back arrive now, after this later one.
        await ReleaseAsync(api, touchpoint.CustomerId, cancellationToken);
        if (touchpoint.Index % 2 == 1)
        {
            _heldBack.GetOrAdd(touchpoint.CustomerId, _ => new()).Enqueue(touchpoint);
        }

        return problems;
    }

    public async Task<IReadOnlyList<string>> FlushAsync(OrchestratorApi api, string customerId, CancellationToken cancellationToken)
    {
        await ReleaseAsync(api, customerId, cancellationToken);
        return [];
    }

    private async Task ReleaseAsync(OrchestratorApi api, string customerId, CancellationToken cancellationToken)
    {
        if (!_heldBack.TryGetValue(customerId, out var held))
        {
            return;
        }

        while (held.TryDequeue(out var late))
        {
            await PostAsync(api, late, "late", cancellationToken);
        }
    }

    private async Task<Delivery> PostAsync(OrchestratorApi api, ScriptedTouchpoint touchpoint, string mode, CancellationToken cancellationToken)
    {
        var delivery = new Delivery(mode, await api.PostTouchpointAsync(touchpoint.CloudEvent, cancellationToken));
        _deliveries.GetOrAdd(Key(touchpoint.CustomerId, touchpoint.Id), _ => new()).Enqueue(delivery);
        return delivery;
    }

    /// <summary>One delivery and its answer.</summary>
    /// <param name="Mode"><c>burst</c>, <c>first</c> or <c>late</c>.</param>
    /// <param name="Answer">The host's answer.</param>
    public sealed record Delivery(string Mode, TouchpointPostResult Answer);
}
