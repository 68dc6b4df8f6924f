using Orchestrator.Application.Customers;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Tests.Processing;

public sealed class TouchpointRouterTests
{
    private const string Customer = "cust-1";
    private static readonly DateTimeOffset Now = TestRuntime.T0;
    private static readonly Dictionary<string, JourneyEntryHistory> NoHistory = [];
    private static readonly JourneyDefinition BillPayment = SampleJourneys.Sample(SampleJourneys.BillPayment);
    private static readonly JourneyDefinition SupportCase = SampleJourneys.Sample(SampleJourneys.SupportCase);
    private static readonly JourneyDefinition CrossSell = SampleJourneys.Sample(SampleJourneys.CrossSell);

    [Theory]
    [InlineData("payment.failed", AwaitPurpose.Step)]
    [InlineData("payment.completed", AwaitPurpose.Goal)]
    [InlineData("account.closed", AwaitPurpose.Exit)]
    public void Plan_TypeAwaitedByInstance_DeliversToIt(string type, AwaitPurpose purpose)
    {
        var (view, state) = BillPaymentAtWaitPay("bill-payment:cust-1:inv-0");
        Assert.Equal(purpose, state.Awaiting.Single(a => a.Event == type).Purpose);

        var plan = TouchpointRouter.Plan(TestEvents.Of("tp-1", type, Customer), [view], NoHistory, [BillPayment], Now);

        Assert.Equal([view.InstanceId], plan.DeliverTo.Select(i => i.InstanceId));
        Assert.Empty(plan.Starts);
        Assert.Empty(plan.Notes);
    }

    [Theory]
    [InlineData("page.viewed")]
    [InlineData("case.resolved")]
    [InlineData("invoice.paid")]
    public void Plan_TypeNotAwaited_DeliversNowhere(string type)
    {
        var (view, _) = BillPaymentAtWaitPay("bill-payment:cust-1:inv-0");

        var plan = TouchpointRouter.Plan(TestEvents.Of("tp-1", type, Customer), [view], NoHistory, [BillPayment, SupportCase, CrossSell], Now);

        Assert.Empty(plan.DeliverTo);
        Assert.Empty(plan.Starts);
        Assert.Empty(plan.Notes);
    }

    [Fact]
    public void Plan_SeveralInstancesAwaitType_DeliversToEachInGivenOrder()
    {
        var (first, _) = BillPaymentAtWaitPay("bill-payment:cust-1:inv-2");
        var (second, _) = BillPaymentAtWaitPay("bill-payment:cust-1:inv-1");
        var other = new InstanceView("support-case:cust-1:c-1", SupportCase.Id, 1, new HashSet<string> { "case.resolved" }, Suspended: false);

        var plan = TouchpointRouter.Plan(TestEvents.Of("tp-1", "payment.completed", Customer), [first, other, second], NoHistory, [], Now);

        Assert.Equal([first.InstanceId, second.InstanceId], plan.DeliverTo.Select(i => i.InstanceId));
    }

    [Fact]
    public void Plan_SuspendedInstanceAwaitsType_IsPlannedWithItsSuspendedFlag()
    {
        // The router only routes; the processor decides what a suspended instance does with it.
        var view = new InstanceView("support-case:cust-1:c-1", SupportCase.Id, 1, new HashSet<string> { "case.resolved" }, Suspended: true);

        var plan = TouchpointRouter.Plan(TestEvents.Of("tp-1", "case.resolved", Customer), [view], NoHistory, [], Now);

        Assert.True(Assert.Single(plan.DeliverTo).Suspended);
    }

    [Theory]
    [InlineData("invoice.issued", """{ "amount": 120 }""", "bill-payment")]
    [InlineData("case.opened", """{ "caseId": "c-1" }""", "support-case")]
    [InlineData("purchase.completed", """{ "category": "mobile-plan", "amount": 25, "device": "phone-x" }""", "cross-sell")]
    public void Plan_EntryEventMatches_StartsThatJourneyWithDeterministicId(string type, string data, string journeyId)
    {
        var plan = TouchpointRouter.Plan(TestEvents.Of("tp-7", type, Customer, data), [], NoHistory, [BillPayment, CrossSell, SupportCase], Now);

        var start = Assert.Single(plan.Starts);
        Assert.Equal(journeyId, start.Definition.Id);
        Assert.Equal(InstanceIds.For(journeyId, Customer, "tp-7"), start.InstanceId);
        Assert.Empty(plan.DeliverTo);
        Assert.Empty(plan.Notes);
    }

    [Fact]
    public void Plan_TouchpointBothAwaitedAndEntering_DeliversAndStarts()
    {
        var promo = SampleJourneys.Promo("always");
        var waiting = new InstanceView("other:cust-1:x", "other", 1, new HashSet<string> { "promo.viewed" }, Suspended: false);

        var plan = TouchpointRouter.Plan(TestEvents.Of("tp-1", "promo.viewed", Customer, """{ "eligible": true }"""), [waiting], NoHistory, [promo], Now);

        Assert.Equal([waiting.InstanceId], plan.DeliverTo.Select(i => i.InstanceId));
        Assert.Equal("promo", Assert.Single(plan.Starts).Definition.Id);
    }

    // history: -1 means the customer never entered (no entry at all); startedDaysAgo is the last start.
    [Theory]
    [InlineData("never", null, -1, 0, 0, true, null)]
    [InlineData("never", null, 0, 0, 0, true, null)]
    [InlineData("never", null, 1, 0, 30, false, "re-entry is never allowed and the customer entered before")]
    [InlineData("never", null, 1, 1, 30, false, "re-entry is never allowed and the customer entered before")]
    [InlineData("afterExit", null, -1, 0, 0, true, null)]
    [InlineData("afterExit", null, 1, 1, 30, false, "the customer already has an active instance")]
    [InlineData("afterExit", null, 1, 0, 0, true, null)]
    [InlineData("afterExit", null, 5, 0, 1, true, null)]
    [InlineData("always", null, 3, 2, 0, true, null)]
    [InlineData("afterExit", "P7D", 1, 0, 3, false, "the cooldown since the last entry has not passed")]
    [InlineData("afterExit", "P7D", 1, 0, 7, true, null)]
    [InlineData("afterExit", "P7D", 1, 1, 30, false, "the customer already has an active instance")]
    [InlineData("always", "P7D", 1, 1, 1, false, "the cooldown since the last entry has not passed")]
    [InlineData("always", "P7D", 1, 1, 8, true, null)]
    [InlineData("never", "P7D", 1, 0, 30, false, "re-entry is never allowed and the customer entered before")]
    public void Plan_ReentryRules_StartOrRefuseWithNote(
        string reentry, string? cooldown, int count, int active, int startedDaysAgo, bool starts, string? reason)
    {
        var promo = SampleJourneys.Promo(reentry, cooldown);
        var history = count < 0
            ? NoHistory
            : new Dictionary<string, JourneyEntryHistory> { ["promo"] = new(count, active, Now.AddDays(-startedDaysAgo)) };

        var plan = TouchpointRouter.Plan(TestEvents.Of("tp-1", "promo.viewed", Customer, """{ "eligible": true }"""), [], history, [promo], Now);

        Assert.Equal(starts ? ["promo"] : [], plan.Starts.Select(s => s.Definition.Id));
        Assert.Equal(reason is null ? [] : [$"promo: entry refused ({reason})"], plan.Notes);
    }

    [Fact]
    public void Plan_InstanceAlreadyStartedByThisTouchpoint_NotStartedAgainWithNote()
    {
        var promo = SampleJourneys.Promo("always");
        var instanceId = InstanceIds.For("promo", Customer, "tp-1");
        var existing = new InstanceView(instanceId, "promo", 1, new HashSet<string> { "promo.clicked" }, Suspended: false);

        var plan = TouchpointRouter.Plan(TestEvents.Of("tp-1", "promo.viewed", Customer, """{ "eligible": true }"""), [existing], NoHistory, [promo], Now);

        Assert.Empty(plan.Starts);
        Assert.Equal([$"promo: instance {instanceId} already started by this touchpoint"], plan.Notes);
    }

    [Theory]
    [InlineData("never", """{ "eligible": false }""")]
    [InlineData("never", """{ }""")]
    [InlineData("afterExit", """{ "eligible": "yes" }""")]
    [InlineData("always", null)]
    public void Plan_EntryConditionFalse_NothingAndNoNote(string reentry, string? data)
    {
        // The history would refuse entry too: a condition that does not match must not even say so.
        var history = new Dictionary<string, JourneyEntryHistory> { ["promo"] = new(1, 1, Now) };

        var plan = TouchpointRouter.Plan(TestEvents.Of("tp-1", "promo.viewed", Customer, data), [], history, [SampleJourneys.Promo(reentry, "P7D")], Now);

        Assert.Empty(plan.Starts);
        Assert.Empty(plan.Notes);
        Assert.Empty(plan.DeliverTo);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-15, false)]
    [InlineData(1, true)]
    public void Plan_BillPaymentInvoiceAmount_StartsOnlyForPositiveAmounts(int amount, bool starts)
    {
        var plan = TouchpointRouter.Plan(TestEvents.Invoice("tp-1", Customer, amount), [], NoHistory, [BillPayment], Now);

        Assert.Equal(starts, plan.Starts.Count == 1);
        Assert.Empty(plan.Notes);
    }

    [Fact]
    public void Plan_TwoJourneysRefuseAndOneStarts_EachDecidedOnItsOwnHistory()
    {
        var never = SampleJourneys.Promo("never") with { Id = "promo-once" };
        var always = SampleJourneys.Promo("always") with { Id = "promo-any" };
        var history = new Dictionary<string, JourneyEntryHistory> { ["promo-once"] = new(1, 0, Now.AddDays(-1)) };

        var plan = TouchpointRouter.Plan(TestEvents.Of("tp-1", "promo.viewed", Customer, """{ "eligible": true }"""), [], history, [never, always], Now);

        Assert.Equal(["promo-any"], plan.Starts.Select(s => s.Definition.Id));
        Assert.Equal(["promo-once: entry refused (re-entry is never allowed and the customer entered before)"], plan.Notes);
    }

    private static (InstanceView View, JourneyState State) BillPaymentAtWaitPay(string instanceId)
    {
        var state = JourneyEngine.Start(BillPayment, instanceId, TestEvents.Invoice("inv-0", Customer), Now).State;
        Assert.Equal("wait-pay", state.CurrentStep);
        var view = new InstanceView(state.InstanceId, state.JourneyId, state.Version, state.Awaiting.Select(a => a.Event).ToHashSet(StringComparer.Ordinal), Suspended: false);
        return (view, state);
    }
}
