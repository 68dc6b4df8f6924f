using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Orchestrator.Console.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class DesignerTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Validate_BrokenDefinition_ListsEachErrorAtItsPointerAndHighlightsIt()
    {
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ConsoleHost.RepositoryRoot, "samples", "journeys", "bill-payment.json")))!;
        definition["start"] = "nowhere";
        definition["steps"]!["notify"]!["channel"] = "";
        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/designer/bill-payment");
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Journey definition (JSON)" });
        await Expect(editor).ToContainTextAsync("\"id\": \"bill-payment\"");

        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(definition.ToJsonString(new() { WriteIndented = true }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Validate", Exact = true }).ClickAsync();

        var problems = page.Locator("[data-testid=problems]");
        var start = problems.Locator("[data-pointer='/start']");
        await Expect(start).ToBeVisibleAsync();
        await Expect(problems.Locator("[data-pointer='/steps/notify/channel']")).ToBeVisibleAsync();

        // The pointer takes the editor to the error, highlighted and selected.
        await start.ClickAsync();
        var highlighted = page.Locator(".cm-server-error[title^='/start:']");
        await Expect(highlighted).ToBeVisibleAsync();
        Assert.Equal("\"start\": \"nowhere\"", string.Concat(await highlighted.AllTextContentsAsync()));
        await Expect(highlighted).ToHaveAttributeAsync("title", "/start: unknown step 'nowhere'");
        await Expect(editor).ToBeFocusedAsync();

        await ConsoleFixture.ScreenshotAsync(page, "console-designer");
    }

    [Fact]
    public async Task Simulate_Scenario_ShowsTheTraceAndItsFunnelOnTheMap()
    {
        var scenario = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ConsoleHost.RepositoryRoot, "samples", "scenarios", "bill-payment.card-expired.json")))!;
        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/designer/bill-payment");
        var script = page.GetByRole(AriaRole.Textbox, new() { Name = "Scenario script (JSON)" });
        await Expect(script).ToContainTextAsync("invoice.issued");

        await script.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(scenario.ToJsonString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate", Exact = true }).ClickAsync();

        await Expect(page.Locator("[data-testid=simulation-outcome]")).ToContainTextAsync("Outcome: success");
        await Expect(page.Locator("[data-testid=simulation-outcome]")).ToContainTextAsync("Expectations met.");
        await Expect(page.Locator("li[data-kind=branchTaken]")).ToContainTextAsync("took case 0 → update-card");
    }

    [Fact]
    public async Task Deploy_ThenDrain_FromTheDesignerWithConfirmations()
    {
        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/designer");
        var id = page.GetByRole(AriaRole.Textbox, new() { Name = "Journey id" });
        await Expect(id).ToHaveValueAsync("welcome");

        await page.GetByRole(AriaRole.Button, new() { Name = "Deploy", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Deploy this definition as the new active version of welcome");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Deploy" }).ClickAsync();
        await Expect(page.Locator("[data-testid=problems]")).ToContainTextAsync("Deployed welcome v1.");
        var version = page.Locator("[data-testid=versions] tr[data-version='1']");
        await Expect(version).ToContainTextAsync("Active");

        await version.GetByRole(AriaRole.Button, new() { Name = "Drain v1" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Drain" }).ClickAsync();
        await Expect(version).ToContainTextAsync("Draining");
        var stored = await fixture.Api.GetStringAsync(new Uri("/api/journeys/welcome/versions/1", UriKind.Relative));
        Assert.Contains("\"status\":\"Draining\"", stored, StringComparison.Ordinal);
    }
}
