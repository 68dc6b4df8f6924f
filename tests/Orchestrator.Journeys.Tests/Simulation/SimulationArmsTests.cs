using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Simulation;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Simulation;

/// <summary>A simulation has no live analytics: the script gives the figures an optimize step starts from.</summary>
public class SimulationArmsTests
{
    [Fact]
    public void Read_Arms_KeepsEachArmsFigures()
    {
        var script = SimulationScriptReader.Read(
            """{ "start": "2026-03-02T08:00:00Z", "events": [], "arms": { "pick/A": { "instances": 120, "goals": 12 }, "pick/B": { "instances": 80, "goals": 20 } } }""",
            out var errors);

        Assert.Empty(errors);
        Assert.Equal(new ArmFigures(120, 12), script!.Arms["pick/A"]);
        Assert.Equal(new ArmFigures(80, 20), script.Arms["pick/B"]);
    }

    [Theory]
    [InlineData("""{ "pick/A": { "instances": 1, "goals": 2 } }""", "/arms/pick~1A/goals")]
    [InlineData("""{ "pick/A": { "instances": -1, "goals": 0 } }""", "/arms/pick~1A/instances")]
    [InlineData("""{ "pick/A": { "instances": 1, "goals": 0, "rate": 0 } }""", "/arms/pick~1A/rate")]
    [InlineData("""[]""", "/arms")]
    public void Read_BadArms_ReportsThePointer(string arms, string pointer)
    {
        var script = SimulationScriptReader.Read($$"""{ "start": "2026-03-02T08:00:00Z", "events": [], "arms": {{arms}} }""", out var errors);

        Assert.Null(script);
        Assert.Contains(errors, e => e.Pointer == pointer);
    }

    [Fact]
    public void Run_ScriptFigures_DecideTheArm()
    {
        var definition = OptimizeJourneys.Offer(""", "explore": 0""");
        var events = new[] { new SimulationEvent(Clock.T0, "signed-up", "evt-1", null, null) };
        var script = new SimulationScript(Touchpoints.CustomerId, Clock.T0, events, TimeSpan.FromDays(1), null, null, null);

        var towardsA = JourneySimulator.Run(definition, script with { Arms = Figures(a: 0.9, b: 0.1) });
        var towardsB = JourneySimulator.Run(definition, script with { Arms = Figures(a: 0.1, b: 0.9) });

        Assert.Equal("A", Assigned(towardsA));
        Assert.Equal("B", Assigned(towardsB));
    }

    private static Dictionary<string, ArmFigures> Figures(double a, double b) => new(StringComparer.Ordinal)
    {
        ["pick/A"] = new ArmFigures(10_000, (long)(a * 10_000)),
        ["pick/B"] = new ArmFigures(10_000, (long)(b * 10_000)),
    };

    private static string Assigned(SimulationTrace trace) =>
        trace.Entries.SelectMany(e => e.Decisions).Single(d => d.Kind == DecisionKind.SplitAssigned).Detail!;
}
