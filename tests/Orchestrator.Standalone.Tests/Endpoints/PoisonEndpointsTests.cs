using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application.Ports;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class PoisonEndpointsTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private RuntimeHost _host = null!;

    private HttpClient Client => _host.Client;

    private IPoisonStore Poison => _host.Services.GetRequiredService<IPoisonStore>();

    public async Task InitializeAsync() =>
        _host = await fixture.StartAsync(azurite, setUp: host => TestJourneys.DeployAsync(host.Client, TestJourneys.Read(TestJourneys.Bill)));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_Entries_NewestFirstWithEveryField()
    {
        await Poison.AddAsync(new PoisonEntry("p-old", "{}", "bad", "queue", 5, RuntimeHost.ClockStart), CancellationToken.None);
        await Poison.AddAsync(new PoisonEntry("p-new", "{}", "worse", "http", 2, RuntimeHost.ClockStart.AddMinutes(1)), CancellationToken.None);

        var answer = await Client.GetJsonAsync("/api/poison");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var ids = answer.Body.EnumerateArray().Select(e => e.Text("id")).ToList();
        Assert.True(ids.IndexOf("p-new") < ids.IndexOf("p-old"), string.Join(", ", ids));
        var entry = answer.Body.EnumerateArray().Single(e => e.Text("id") == "p-new");
        Assert.Equal(("worse", "http", 2, "{}"), (entry.Text("reason"), entry.Text("source"), entry.GetProperty("attempts").GetInt32(), entry.Text("body")));
        Assert.Equal(RuntimeHost.ClockStart.AddMinutes(1), entry.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Replay_ValidTouchpoint_Returns202AndDeletesEntry()
    {
        var body = CloudEvents.Invoice("inv-replay", "cust-replay").ToJsonString();
        await Poison.AddAsync(new PoisonEntry("p-replay", body, "failed 5 times", "queue", 5, RuntimeHost.ClockStart), CancellationToken.None);

        var answer = await PostAsync("/api/poison/p-replay/replay");

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal(("inv-replay", "cust-replay", "Applied"), (answer.Body.Text("id"), answer.Body.Text("customerId"), answer.Body.Text("status")));
        Assert.Null(await Poison.GetAsync("p-replay", CancellationToken.None));
        Assert.Equal(HttpStatusCode.Accepted, (await Client.GetStatusAsync("test-bill:cust-replay:inv-replay")).Status);
    }

    [Fact]
    public async Task Replay_FailsAgain_Returns422WithReasonAndKeepsEntry()
    {
        await Poison.AddAsync(new PoisonEntry("p-broken", "{ not json", "invalid", "queue", 1, RuntimeHost.ClockStart), CancellationToken.None);

        var answer = await PostAsync("/api/poison/p-broken/replay");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.StartsWith("invalid CloudEvent", answer.Body.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(2, (await Poison.GetAsync("p-broken", CancellationToken.None))?.Attempts);
    }

    [Fact]
    public async Task Replay_UnknownEntry_Returns404()
    {
        var answer = await PostAsync("/api/poison/nope/replay");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    private async Task<Api.Answer> PostAsync(string path)
    {
        using var response = await Client.PostAsync(new Uri(path, UriKind.Relative), content: null);
        return await Api.ReadAsync(response);
    }
}
