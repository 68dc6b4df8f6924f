using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Journeys.Benchmarks;

/// <summary>What a host pays per input to store state: serialising and reading back an instance's state.</summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private JourneyState _state = null!;
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        var definition = BillPayment.Load();
        var start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var trigger = new Touchpoint("t-1", "invoice.issued", "bench", "cust-001", start, JsonDocument.Parse("""{ "amount": 120.5 }""").RootElement.Clone());
        _state = JourneyEngine.Start(definition, trigger, start).State;
        _json = JsonSerializer.SerializeToUtf8Bytes(_state, JourneyJsonContext.Default.JourneyState);
    }

    [Benchmark(Description = "state to JSON")]
    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(_state, JourneyJsonContext.Default.JourneyState);

    [Benchmark(Description = "state from JSON")]
    public JourneyState? Deserialize() => JsonSerializer.Deserialize(_json, JourneyJsonContext.Default.JourneyState);
}
