using Orchestrator.Application.Ports;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Storage.Tests.Analytics;

public sealed class AnalyticsStoreContract_InMemory : AnalyticsStoreContract
{
    protected override IAnalyticsStore Store { get; } = new InMemoryAnalyticsStore();
}
