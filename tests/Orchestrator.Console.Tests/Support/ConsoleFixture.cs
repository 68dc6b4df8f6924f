using System.Text.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Playwright;
using Orchestrator.Testing;

namespace Orchestrator.Console.Tests.Support;

/// <summary>
/// One Azurite, one real host process with the sample journeys deployed over HTTP, and one headless Chromium
/// (Debian's, at <see cref="ChromiumPath"/>) for every console test: each test opens pages of its own.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    /// <summary>The browser the tests drive: the distribution's Chromium (Playwright's own download is not used).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Where the tests' screenshots go, for the README and docs/console.md.</summary>
    public static readonly string ImagesPath = Path.Combine(ConsoleHost.RepositoryRoot, "docs", "images");

    private readonly string _prefix = "c" + Guid.NewGuid().ToString("N")[..12];
    private AzuriteInstance? _azurite;
    private ConsoleHost? _host;
    private IPlaywright? _playwright;

    /// <summary>The host.</summary>
    public ConsoleHost Host => _host ?? throw new InvalidOperationException("The fixture is not started.");

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A client for the API, with the test keys.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>The console's address.</summary>
    public string ConsoleUrl => new Uri(Host.Address, "console/").ToString();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium), as ./eng/test.sh does.");
        }

        _azurite = await AzuriteInstance.StartAsync();
        _host = await ConsoleHost.StartAsync(_azurite.ConnectionString, _prefix);
        Api = Host.CreateClient();
        foreach (var file in Directory.GetFiles(Path.Combine(ConsoleHost.RepositoryRoot, "samples", "journeys"), "*.json").Order(StringComparer.Ordinal))
        {
            var id = JsonNode.Parse(await File.ReadAllTextAsync(file))!["id"]!.GetValue<string>();
            using var content = new StringContent(await File.ReadAllTextAsync(file), Encoding.UTF8, "application/json");
            using var deployed = await Api.PutAsync(new Uri($"/api/journeys/{id}", UriKind.Relative), content);
            deployed.EnsureSuccessStatusCode();
        }

        await SeedAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ImagesPath);
    }

    /// <summary>
    /// Some bill-payment traffic before any page opens, so every page has figures to show: eight invoices, two paid
    /// (the goal), five accounts closed (an exit, so the goal rate and the score fall below target) and one card
    /// payment failed.
    /// </summary>
    private async Task SeedAsync()
    {
        for (var i = 1; i <= 8; i++)
        {
            await SendAsync($"seed-inv-{i}", "invoice.issued", $"seed-{i}", new { invoiceId = $"INV-S{i}", amount = 20 * i, currency = "EUR", dueDate = "2026-12-31" });
        }

        for (var i = 1; i <= 2; i++)
        {
            await SendAsync($"seed-pay-{i}", "payment.completed", $"seed-{i}", new { invoiceId = $"INV-S{i}", amount = 20 * i });
        }

        for (var i = 3; i <= 7; i++)
        {
            await SendAsync($"seed-close-{i}", "account.closed", $"seed-{i}", new { });
        }

        await SendAsync("seed-fail-8", "payment.failed", "seed-8", new { invoiceId = "INV-S8", reason = "card-expired" });
    }

    /// <summary>A page in a context of its own, 1440×900, with the management key already given (or not).</summary>
    /// <param name="withKey">Whether the tab holds the key already, as after the console asked for it once.</param>
    /// <returns>The page.</returns>
    public async Task<IPage> NewPageAsync(bool withKey = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        if (withKey)
        {
            await context.AddInitScriptAsync($"sessionStorage.setItem('journey-console.management-key', '{TestApiKeys.Management}');");
        }

        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>Opens a console route such as <c>#/map/bill-payment</c>.</summary>
    /// <param name="page">The page.</param>
    /// <param name="route">The hash route.</param>
    /// <returns>A task that completes when the page loaded.</returns>
    public Task GoToAsync(IPage page, string route) => page.GotoAsync(ConsoleUrl + route);

    /// <summary>Sends a touchpoint over HTTP as a channel app does, and requires it accepted.</summary>
    /// <param name="id">The event id.</param>
    /// <param name="type">The event type.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="data">The data.</param>
    /// <returns>A task that completes when it is accepted.</returns>
    public async Task SendAsync(string id, string type, string customerId, object data)
    {
        var body = new JsonObject
        {
            ["specversion"] = "1.0", ["id"] = id, ["type"] = type, ["source"] = "console-tests", ["subject"] = customerId,
            ["data"] = JsonSerializer.SerializeToNode(data),
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/cloudevents+json");
        using var answer = await Api.PostAsync(new Uri("/api/touchpoints", UriKind.Relative), content);
        Assert.True(answer.IsSuccessStatusCode, $"POST /api/touchpoints answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
    }

    /// <summary>Waits until the API shows something, such as an instance at a step, before a page reads it.</summary>
    /// <param name="path">The API path.</param>
    /// <param name="holds">What the answer's body must satisfy.</param>
    /// <param name="expected">What was expected, for the failure message.</param>
    /// <returns>A task that completes when it does.</returns>
    public Task WaitForApiAsync(string path, Func<string, bool> holds, string expected) =>
        Eventually.TrueAsync(
            async () => holds(await Api.GetStringAsync(new Uri(path, UriKind.Relative))),
            TimeSpan.FromSeconds(15),
            () => expected);

    /// <summary>Puts a message on the host's touchpoints queue, as a channel app on the queue does.</summary>
    /// <param name="text">The message.</param>
    /// <returns>A task that completes when it is queued.</returns>
    public async Task EnqueueAsync(string text)
    {
        var queue = new QueueClient(_azurite!.ConnectionString, _prefix + "touchpoints", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(text);
    }

    /// <summary>Saves a screenshot of the whole page under docs/images.</summary>
    /// <param name="page">The page.</param>
    /// <param name="name">The file name, without extension.</param>
    /// <returns>A task that completes when it is written.</returns>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ImagesPath, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Api?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
