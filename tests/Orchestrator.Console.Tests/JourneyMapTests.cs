using System.Globalization;
using Microsoft.Playwright;
using Orchestrator.Console.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class JourneyMapTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Map_TouchpointsSent_CountsOnTheMapRiseAndTheStepListsItsCustomers()
    {
        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/map/bill-payment?window=24h");
        var waiting = page.Locator("[data-testid=steps] tr[data-step=wait-pay] td.now");
        await Expect(waiting).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var before = int.Parse(await waiting.InnerTextAsync(), CultureInfo.InvariantCulture);

        var run = Guid.NewGuid().ToString("N")[..6];
        for (var i = 1; i <= 3; i++)
        {
            await fixture.SendAsync($"map-{run}-{i}", "invoice.issued", $"map-{run}-{i}", new { invoiceId = $"INV-{run}-{i}", amount = 40 + i, currency = "EUR", dueDate = "2026-12-31" });
        }

        // The map reads the analytics again every few seconds; the three new instances wait for payment.
        await Expect(waiting).ToHaveTextAsync((before + 3).ToString(CultureInfo.InvariantCulture), new() { Timeout = 20_000 });
        await Expect(page.Locator("[data-testid=steps] tr[data-step=notify] td.entered")).Not.ToHaveTextAsync("0");

        // One pays (the goal ends it), one's card fails (the branch sends it on to wait-retry): two leave the step.
        await fixture.SendAsync($"map-{run}-pay", "payment.completed", $"map-{run}-2", new { invoiceId = $"INV-{run}-2", amount = 42 });
        await fixture.SendAsync($"map-{run}-fail", "payment.failed", $"map-{run}-3", new { invoiceId = $"INV-{run}-3", reason = "card-expired" });
        await Expect(waiting).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 20_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Show step wait-pay" }).ClickAsync();
        var occupants = page.Locator("[data-testid=occupants]");
        await Expect(occupants.GetByRole(AriaRole.Link, new() { Name = $"map-{run}-1", Exact = true })).ToBeVisibleAsync();
        await Expect(occupants.GetByRole(AriaRole.Link, new() { Name = $"map-{run}-2", Exact = true })).ToHaveCountAsync(0);

        await ConsoleFixture.ScreenshotAsync(page, "console-map");
    }

    [Fact]
    public async Task Map_OptimizeJourney_ListsTheStepAndItsArmsWithTheHoldoutAsControl()
    {
        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/map/welcome-offer?window=24h");

        await Expect(page.Locator("[data-testid=steps] tr[data-step=pick-offer] td").First).ToHaveTextAsync("optimize");
        var arms = page.Locator("[data-testid=arms] tbody tr");
        await Expect(arms).ToHaveCountAsync(3);
        await Expect(arms.Nth(0)).ToContainTextAsync("discount");
        await Expect(arms.Nth(1)).ToContainTextAsync("free-shipping");
        await Expect(arms.Nth(2)).ToContainTextAsync("holdout (control)");
    }

    [Fact]
    public async Task Journeys_Ranked_ListsEveryDeployedJourneyFlagsTheUnderPerformerAndLinksItsMap()
    {
        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/journeys");

        var rows = page.Locator("[data-testid=journeys] tbody tr");
        foreach (var sample in new[] { "bill-payment", "cross-sell", "onboarding", "renewal", "support-case" })
        {
            await Expect(page.Locator($"[data-testid=journeys] tr[data-journey={sample}]")).ToHaveCountAsync(1);
        }

        var billPayment = page.Locator("[data-testid=journeys] tr[data-journey=bill-payment]");
        await Expect(billPayment).ToContainTextAsync("v1");
        await Expect(billPayment).ToContainTextAsync("Active");

        // Most of the seeded bills ended with the account closed: below its target score, so it is flagged and ranked first.
        await Expect(billPayment).ToContainTextAsync("Under-performing: below target");
        await Expect(rows.First).ToHaveAttributeAsync("data-journey", "bill-payment");
        await Expect(page.Locator("[data-testid=journeys] tr[data-journey=renewal]")).ToContainTextAsync("ok");
        await ConsoleFixture.ScreenshotAsync(page, "console-journeys");

        await billPayment.GetByRole(AriaRole.Link, new() { Name = "Bill payment" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/map/bill-payment"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Journey map: Bill payment" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Map_VersionAndWindowPicked_KeptInTheAddressAndReadFromTheApi()
    {
        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/map/bill-payment");
        var entered = page.Locator("[data-testid=steps] tr[data-step=note-invoice] td.entered");
        await Expect(entered).Not.ToHaveTextAsync("0");

        await page.GetByLabel("Version").SelectOptionAsync("1");
        await page.GetByLabel("Window").SelectOptionAsync("1h");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/map/bill-payment\\?window=1h&version=1"));
        await Expect(page.Locator("[data-testid=updated]")).ToContainTextAsync("hour buckets");
        await Expect(entered).Not.ToHaveTextAsync("0");
    }
}
