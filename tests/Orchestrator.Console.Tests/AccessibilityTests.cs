using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Orchestrator.Console.Tests.Support;
using Orchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class AccessibilityTests(ConsoleFixture fixture)
{
    [Theory]
    [InlineData("#/journeys", "[data-testid=journeys]")]
    [InlineData("#/map/cross-sell", "[data-testid=steps]")]
    [InlineData("#/customer", "input[type=search]")]
    [InlineData("#/designer/bill-payment", ".cm-content")]
    [InlineData("#/poison", "main h1")]
    public async Task Page_Axe_FindsNoViolation(string route, string loaded)
    {
        var page = await fixture.NewPageAsync();
        await fixture.GoToAsync(page, route);
        await Expect(page.Locator(loaded).First).ToBeVisibleAsync();

        var results = await page.RunAxe();

        Assert.True(results.Violations.Length == 0, string.Join("\n", results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }

    [Fact]
    public async Task Console_Keyboard_AsksForTheKeyOnceThenReachesEveryPageFromTheNavigation()
    {
        var page = await fixture.NewPageAsync(withKey: false);
        await fixture.GoToAsync(page, "#/journeys");

        // The key prompt is a labelled, focused field; Enter submits it.
        var key = page.GetByRole(AriaRole.Textbox, new() { Name = "Management key" });
        await Expect(key).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(TestApiKeys.Management);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=journeys] tr[data-journey=bill-payment]")).ToBeVisibleAsync();
        Assert.Equal(TestApiKeys.Management, await page.EvaluateAsync<string>("() => sessionStorage.getItem('journey-console.management-key')"));
        Assert.DoesNotContain(TestApiKeys.Management, page.Url, StringComparison.Ordinal);

        // From the top of the page, Tab reaches the skip link, then each page of the navigation in order.
        await page.Locator("body").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        foreach (var name in new[] { "Journeys", "Journey map", "Customer" })
        {
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeFocusedAsync();
        }

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Customer", Exact = true })).ToHaveAttributeAsync("aria-current", "page");

        // Every control on every page has a name a screen reader reads out.
        foreach (var route in new[] { "#/journeys", "#/map/bill-payment", "#/customer", "#/designer/bill-payment", "#/poison" })
        {
            await fixture.GoToAsync(page, route);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var unnamed = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('button, a[href], input, select, textarea, [contenteditable=true]')]
                  .filter(e => e.offsetParent !== null || e === document.activeElement)
                  .filter(e => {
                    const labelled = e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || (e.labels && e.labels.length > 0);
                    return !labelled && !(e.textContent || '').trim();
                  })
                  .map(e => e.outerHTML.slice(0, 80))
                """);
            Assert.True(unnamed.Length == 0, route + ": " + string.Join("\n", unnamed));
        }
    }
}
