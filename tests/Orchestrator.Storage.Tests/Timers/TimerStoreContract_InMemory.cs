using Orchestrator.Application.Ports;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Storage.Tests.Timers;

public sealed class TimerStoreContract_InMemory : TimerStoreContract
{
    protected override ITimerStore Store { get; } = new InMemoryTimerStore();
}
