using Microsoft.Playwright;
using Orchestrator.Console.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class PoisonPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Poison_InvalidQueuedTouchpoint_ListedWithItsReason()
    {
        var marker = "broken-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.EnqueueAsync($$"""{"specversion":"1.0","type":"invoice.issued","subject":"{{marker}}"}""");
        await fixture.WaitForApiAsync("/api/poison", body => body.Contains(marker, StringComparison.Ordinal), "the invalid touchpoint kept aside");

        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, "#/poison");

        var row = page.Locator("[data-testid=poison] tbody tr").Filter(new() { HasText = marker });
        await Expect(row).ToContainTextAsync("invalid CloudEvent");
        await Expect(row).ToContainTextAsync("queue");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Replay" })).ToBeVisibleAsync();
        await ConsoleFixture.ScreenshotAsync(page, "console-poison");
    }
}
