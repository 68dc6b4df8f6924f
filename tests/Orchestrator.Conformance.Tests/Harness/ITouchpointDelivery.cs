using Orchestrator.Conformance.Tests.Harness.Api;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>How a driver hands a script's touchpoints to the host: once each, or with the redeliveries of a real network.</summary>
public interface ITouchpointDelivery
{
    /// <summary>Delivers a touchpoint; returns once the host has applied it.</summary>
    /// <param name="api">The host.</param>
    /// <param name="touchpoint">The touchpoint.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>What went wrong; empty when nothing did.</returns>
    Task<IReadOnlyList<string>> DeliverAsync(OrchestratorApi api, ScriptedTouchpoint touchpoint, CancellationToken cancellationToken);

    /// <summary>Sends whatever was held back for a customer; called once the customer's run has ended.</summary>
    /// <param name="api">The host.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>What went wrong; empty when nothing did.</returns>
    Task<IReadOnlyList<string>> FlushAsync(OrchestratorApi api, string customerId, CancellationToken cancellationToken);
}
