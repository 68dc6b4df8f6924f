using Orchestrator.Conformance.Tests.Harness.Api;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>Posts every touchpoint once and expects it applied at once.</summary>
public sealed class SingleDelivery : ITouchpointDelivery
{
    public async Task<IReadOnlyList<string>> DeliverAsync(OrchestratorApi api, ScriptedTouchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(touchpoint);
        var answer = await api.PostTouchpointAsync(touchpoint.CloudEvent, cancellationToken);
        return answer.SingleStatus == AcceptedView.Applied
            ? []
            : [$"touchpoint {touchpoint.Id} ({touchpoint.Type}): expected 202 with status Applied, got {answer}"];
    }

    public Task<IReadOnlyList<string>> FlushAsync(OrchestratorApi api, string customerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
