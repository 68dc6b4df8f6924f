using Microsoft.Playwright;
using Orchestrator.Console.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class CustomerPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Customer_BranchTaken_ExplainedWithTheValueThatChoseIt()
    {
        var customer = "explain-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.SendAsync(customer + "-inv", "invoice.issued", customer, new { invoiceId = "INV-X", amount = 80, currency = "EUR", dueDate = "2026-12-31" });
        await fixture.SendAsync(customer + "-fail", "payment.failed", customer, new { invoiceId = "INV-X", reason = "card-expired" });
        await fixture.SendAsync(customer + "-link", "identity.linked", customer, new { alias = $"email:{customer}@example.com" });
        await fixture.WaitForApiAsync($"/api/customers/{customer}/timeline", body => body.Contains("branchTaken", StringComparison.Ordinal), "the branch decision on the timeline");

        // Found by the alias the identity.linked touchpoint linked to the customer.
        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/customer");
        await page.GetByLabel("Customer id or alias").FillAsync($"email:{customer}@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator("[data-testid=identity]")).ToHaveTextAsync($"email:{customer}@example.com is an alias linked to customer {customer}.");

        var decision = page.Locator("[data-testid=timeline] li[data-kind=branchTaken]");
        await Expect(decision).ToContainTextAsync("at diagnose, took case 0 → update-card because event.data.reason = \"card-expired\"");
        var card = page.Locator("section.card");
        await Expect(card.Locator(".current-step")).ToHaveTextAsync("wait-retry");
        await Expect(card.Locator(".waits")).ToContainTextAsync("payment.completed → paid-late");
        await Expect(page.Locator("[data-testid=timeline] .actions-sent")).ToContainTextAsync(["Sent mobile/update-card from step update-card (bill-payment)"]);

        await ConsoleFixture.ScreenshotAsync(page, "console-customer");
    }

    [Fact]
    public async Task Customer_OptimizeAssignment_ExplainedWithTheModeAndEachArmsFigures()
    {
        var customer = "optimize-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.SendAsync(customer + "-signup", "customer.signed-up", customer, new { plan = "basic" });
        await fixture.WaitForApiAsync($"/api/customers/{customer}/timeline", body => body.Contains("splitAssigned", StringComparison.Ordinal), "the optimize assignment on the timeline");

        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/customer/" + customer);

        var decision = page.Locator("[data-testid=timeline] li[data-kind=splitAssigned]");
        await Expect(decision).ToContainTextAsync("at pick-offer, assigned to arm ");
        await Expect(decision).ToContainTextAsync(new System.Text.RegularExpressions.Regex("because mode = \"(exploit|explore|holdout)\""));
    }

    [Fact]
    public async Task Customer_ProfileSetByTouchpoint_ShownWithAttributesAndConsent()
    {
        var customer = "profile-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.SendAsync(customer + "-upd", "customer.updated", customer, new
        {
            attributes = new { tier = "gold", locale = "fr-FR" },
            consent = new { sms = new { status = "optOut", source = "preference-center" } },
        });
        await fixture.WaitForApiAsync($"/api/customers/{customer}", body => body.Contains("gold", StringComparison.Ordinal), "the profile with the tier");

        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/customer/" + customer);

        var profile = page.Locator("[data-testid=profile]");
        await Expect(profile.Locator(".attributes")).ToHaveTextAsync("tier = \"gold\", locale = \"fr-FR\"");
        await Expect(profile.Locator(".consent")).ToContainTextAsync("sms: opted out");
        await Expect(profile.Locator(".consent")).ToContainTextAsync("(preference-center)");
        await Expect(profile).ToContainTextAsync("customer.updated from");
    }

    [Fact]
    public async Task Customer_SuspendThenResume_ConfirmedAndShownOnThePage()
    {
        var customer = "ops-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.SendAsync(customer + "-inv", "invoice.issued", customer, new { invoiceId = "INV-O", amount = 55, currency = "EUR", dueDate = "2026-12-31" });
        await fixture.WaitForApiAsync($"/api/customers/{customer}/journeys", body => body.Contains("wait-pay", StringComparison.Ordinal), "the instance waiting for payment");

        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/customer/" + customer);
        var status = page.Locator("section.card .runtime-status");
        await Expect(status).ToHaveTextAsync("Running");

        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Its touchpoints are kept");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Suspend" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Suspended");

        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Running");
        await Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("suspend");
    }

    [Fact]
    public async Task Customer_SuspendCancelled_ChangesNothing()
    {
        var customer = "keep-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.SendAsync(customer + "-inv", "invoice.issued", customer, new { invoiceId = "INV-K", amount = 12, currency = "EUR", dueDate = "2026-12-31" });
        await fixture.WaitForApiAsync($"/api/customers/{customer}/journeys", body => body.Contains("wait-pay", StringComparison.Ordinal), "the instance waiting for payment");

        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/customer/" + customer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        var status = await fixture.Api.GetStringAsync(new Uri($"/api/customers/{customer}/journeys", UriKind.Relative));
        Assert.Contains("\"Running\"", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_RaiseEvent_ConfirmedAndTheJourneyEndsInItsGoal()
    {
        var customer = "raise-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.SendAsync(customer + "-inv", "invoice.issued", customer, new { invoiceId = "INV-R", amount = 30, currency = "EUR", dueDate = "2026-12-31" });
        await fixture.WaitForApiAsync($"/api/customers/{customer}/journeys", body => body.Contains("wait-pay", StringComparison.Ordinal), "the instance waiting for payment");

        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/customer/" + customer);
        var card = page.Locator("section.card");
        await card.GetByText("Raise an event").ClickAsync();
        await card.GetByLabel("Event type").FillAsync("payment.completed");
        await card.GetByLabel("Event data (JSON, optional)").FillAsync("""{ "invoiceId": "INV-R", "amount": 30 }""");
        await card.GetByRole(AriaRole.Button, new() { Name = "Raise event" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Raise event" }).ClickAsync();

        var past = page.Locator($"tr[data-instance='bill-payment:{customer}:{customer}-inv']");
        await Expect(past).ToContainTextAsync("success");
        await Expect(page.Locator("section.card")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=timeline] li[data-kind=goalReached]")).ToHaveCountAsync(1);
    }
}
