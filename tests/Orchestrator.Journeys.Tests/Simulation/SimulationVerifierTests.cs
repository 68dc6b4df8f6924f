using Orchestrator.Journeys.Simulation;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Simulation;

public class SimulationVerifierTests
{
    private static readonly SimulationTrace CardExpired = JourneySimulator.Run(
        SampleJourneys.BillPayment,
        new SimulationScript(
            Touchpoints.CustomerId,
            Clock.T0,
            [
                new SimulationEvent(Clock.T0, "invoice.issued", null, null, Json.Parse("""{"amount":10}""")),
                new SimulationEvent(Clock.Day(1), "payment.failed", null, null, Json.Parse("""{"reason":"card-expired"}""")),
                new SimulationEvent(Clock.Day(1.1), "payment.completed", null, null, null),
            ],
            SimulationScript.DefaultRunFor,
            null,
            null,
            null));

    [Fact]
    public void Check_TraceMeetsEveryExpectation_ReportsNothing()
    {
        var expect = new SimulationExpectation(
            "success",
            ["email/invoice-ready", "mobile/update-card"],
            ["notify", "wait-pay", "help", "card", "wait-pay"]);

        Assert.Empty(SimulationVerifier.Check(CardExpired, expect));
    }

    [Fact]
    public void Check_EmptyExpectation_ReportsNothing() =>
        Assert.Empty(SimulationVerifier.Check(CardExpired, new SimulationExpectation(null, null, null)));

    [Fact]
    public void Check_EveryPartWrong_ReportsEachMismatchWithExpectedAndActual()
    {
        var expect = new SimulationExpectation("expired", ["email/invoice-ready"], ["notify"]);

        var problems = SimulationVerifier.Check(CardExpired, expect);

        Assert.Equal(
            [
                "outcome: expected expired, got success",
                "actions: expected [email/invoice-ready], got [email/invoice-ready, mobile/update-card]",
                "steps: expected [notify], got [notify, wait-pay, help, card, wait-pay]",
            ],
            problems);
    }

    [Theory]
    [InlineData("running", null, null, "outcome")]
    [InlineData(null, new[] { "mobile/update-card", "email/invoice-ready" }, null, "actions")]
    [InlineData(null, new string[0], null, "actions")]
    [InlineData(null, null, new[] { "notify", "wait-pay", "help", "card", "wait-pay", "wait-pay" }, "steps")]
    public void Check_OnePartWrong_ReportsOnlyThatPart(string? outcome, string[]? actions, string[]? steps, string part)
    {
        var problems = SimulationVerifier.Check(CardExpired, new SimulationExpectation(outcome, actions, steps));

        var problem = Assert.Single(problems);
        Assert.StartsWith($"{part}: expected ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NotStartedTrace_ComparesOutcomeNotStarted()
    {
        var trace = new SimulationTrace([], null);

        Assert.Empty(SimulationVerifier.Check(trace, new SimulationExpectation("notStarted", [], [])));
        Assert.Equal(["outcome: expected success, got notStarted"], SimulationVerifier.Check(trace, new SimulationExpectation("success", null, null)));
    }
}
