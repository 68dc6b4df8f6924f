using Microsoft.Extensions.Time.Testing;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Application.Tests.Analytics;

public class ArmFiguresSourceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Get_VersionWithoutOptimizeStep_ReadsNothing()
    {
        var store = new CountingStore();
        var source = new ArmFiguresSource(store, new FakeTimeProvider(T0), new AnalyticsOptions());

        var figures = await source.GetAsync(Definition("""{ "type": "split", "branches": [ { "weight": 1, "next": "a" }, { "weight": 1, "next": "b" } ] }"""), CancellationToken.None);

        Assert.Empty(figures);
        Assert.Equal(0, store.Reads);
    }

    [Fact]
    public async Task Get_WithinMaxAge_ReusesTheReadAndAfterItReadsTheLatest()
    {
        var store = new CountingStore();
        var clock = new FakeTimeProvider(T0);
        var source = new ArmFiguresSource(store, clock, new AnalyticsOptions { ArmFiguresMaxAge = TimeSpan.FromSeconds(5) });
        var definition = Definition("""{ "type": "optimize", "arms": [ { "next": "a", "label": "A" }, { "next": "b", "label": "B" } ] }""");
        await Fold(store, definition.Version, ("A", 10, 2), ("B", 4, 1));

        var first = await source.GetAsync(definition, CancellationToken.None);
        await Fold(store, definition.Version, ("A", 1, 1));
        clock.Advance(TimeSpan.FromSeconds(4));
        var cached = await source.GetAsync(definition, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        var fresh = await source.GetAsync(definition, CancellationToken.None);

        Assert.Equal(new ArmFigures(10, 2), first[ArmFigures.Key("pick", "A")]);
        Assert.Equal(new ArmFigures(4, 1), first[ArmFigures.Key("pick", "B")]);
        Assert.Same(first, cached);
        Assert.Equal(new ArmFigures(11, 3), fresh[ArmFigures.Key("pick", "A")]);
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task Get_OtherVersionsFigures_AreNotCounted()
    {
        var store = new CountingStore();
        var source = new ArmFiguresSource(store, new FakeTimeProvider(T0), new AnalyticsOptions());
        var definition = Definition("""{ "type": "optimize", "arms": [ { "next": "a", "label": "A" }, { "next": "b", "label": "B" } ] }""");
        await Fold(store, definition.Version + 1, ("A", 50, 50));

        var figures = await source.GetAsync(definition, CancellationToken.None);

        Assert.Equal(ArmFigures.None, figures[ArmFigures.Key("pick", "A")]);
    }

    private static JourneyDefinition Definition(string pick)
    {
        var read = JourneyDefinitionReader.Read($$"""
            {
              "id": "offer", "name": "Offer", "entry": { "event": "signed-up" }, "goal": { "event": "ordered" }, "start": "pick",
              "steps": { "pick": {{pick}}, "a": { "type": "end", "outcome": "success" }, "b": { "type": "end", "outcome": "success" } }
            }
            """);
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        return read.Definition with { Version = 1 };
    }

    private static Task<int> Fold(IAnalyticsStore store, int version, params (string Arm, long Instances, long Rewards)[] arms)
    {
        var counters = new AnalyticsCounters();
        foreach (var (arm, instances, rewards) in arms)
        {
            counters.Add(CounterNames.SignalSeen(Signal.Arm("pick", arm)), instances);
            counters.Add(CounterNames.ArmReward("pick", arm), rewards);
        }

        return store.FoldAsync("offer", [new AnalyticsFold(Guid.NewGuid().ToString("n"), T0, version, counters)], CancellationToken.None);
    }

    private sealed class CountingStore : IAnalyticsStore
    {
        private readonly InMemoryAnalyticsStore _inner = new();

        public int Reads { get; private set; }

        public Task<int> FoldAsync(string journeyId, IReadOnlyList<AnalyticsFold> folds, CancellationToken cancellationToken) =>
            _inner.FoldAsync(journeyId, folds, cancellationToken);

        public Task<IReadOnlyList<AnalyticsBucket>> ReadAsync(string journeyId, AnalyticsGrain grain, DateTimeOffset earliest, DateTimeOffset before, CancellationToken cancellationToken)
        {
            Reads++;
            return _inner.ReadAsync(journeyId, grain, earliest, before, cancellationToken);
        }

        public Task PruneAsync(string journeyId, DateTimeOffset hoursBefore, DateTimeOffset daysBefore, DateTimeOffset marksBefore, CancellationToken cancellationToken) =>
            _inner.PruneAsync(journeyId, hoursBefore, daysBefore, marksBefore, cancellationToken);
    }
}
