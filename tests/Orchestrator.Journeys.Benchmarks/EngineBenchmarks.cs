using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Benchmarks;

/// <summary>
/// Touchpoint applications on the bill-payment journey, from an instance waiting at <c>wait-pay</c>:
/// a failed payment (branch, send, wait again), a completed payment (goal: the instance ends), and a
/// touchpoint the instance does not await (the router would not even deliver it; this is the floor).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private JourneyDefinition _definition = null!;
    private JourneyState _waiting = null!;
    private TouchpointReceived _failed = null!;
    private TouchpointReceived _completed = null!;
    private TouchpointReceived _unrelated = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _definition = BillPayment.Load();
        var trigger = Touchpoint("t-1", "invoice.issued", """{ "amount": 120.5 }""", Start);
        _waiting = JourneyEngine.Start(_definition, trigger, Start).State;
        _now = Start.AddHours(5);
        _failed = new TouchpointReceived(Touchpoint("t-2", "payment.failed", """{ "reason": "card-expired" }""", _now));
        _completed = new TouchpointReceived(Touchpoint("t-3", "payment.completed", """{ "amount": 120.5 }""", _now));
        _unrelated = new TouchpointReceived(Touchpoint("t-4", "page.viewed", """{ "page": "/home" }""", _now));
    }

    [Benchmark(Baseline = true, Description = "payment.failed: branch + send + wait")]
    public JourneyTransition PaymentFailed() => JourneyEngine.Apply(_definition, _waiting, _failed, _now);

    [Benchmark(Description = "payment.completed: goal reached, instance ends")]
    public JourneyTransition PaymentCompleted() => JourneyEngine.Apply(_definition, _waiting, _completed, _now);

    [Benchmark(Description = "unawaited touchpoint: no change")]
    public JourneyTransition Unrelated() => JourneyEngine.Apply(_definition, _waiting, _unrelated, _now);

    [Benchmark(Description = "start: trigger to first wait")]
    public JourneyTransition StartInstance() => JourneyEngine.Start(_definition, "bill-payment:c:t", _waiting.Trigger, Start);

    private static Touchpoint Touchpoint(string id, string type, string data, DateTimeOffset at) =>
        new(id, type, "bench", "cust-001", at, JsonDocument.Parse(data).RootElement.Clone());
}
