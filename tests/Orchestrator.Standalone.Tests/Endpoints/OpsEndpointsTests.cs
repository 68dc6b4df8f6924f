using System.Net;
using System.Text;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class OpsEndpointsTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private const string Instances = "/runtime/webhooks/durabletask/instances";
    private const string TokenHeader = "x-ms-continuation-token";
    private RuntimeHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() =>
        _host = await fixture.StartAsync(azurite, setUp: host => TestJourneys.DeployAsync(host.Client, TestJourneys.Read(TestJourneys.Bill)));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_PrefixAndTop_PagesWithContinuationTokenHeader()
    {
        foreach (var n in new[] { 1, 2, 3 })
        {
            await StartAsync($"cust-page-{n}");
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{Instances}?instanceIdPrefix=test-bill:cust-page-&top=2", UriKind.Relative));
            if (token is not null)
            {
                request.Headers.Add(TokenHeader, token);
            }

            using var response = await Client.SendAsync(request);
            var answer = await Api.ReadAsync(response);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.True(answer.Body.GetArrayLength() <= 2, answer.ToString());
            seen.AddRange(answer.Body.EnumerateArray().Select(i => i.Text("instanceId")!));
            token = response.Headers.TryGetValues(TokenHeader, out var values) ? values.Single() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(["test-bill:cust-page-1:inv-cust-page-1", "test-bill:cust-page-2:inv-cust-page-2", "test-bill:cust-page-3:inv-cust-page-3"], seen);
        Assert.InRange(pages, 2, 3);
    }

    [Fact]
    public async Task List_RuntimeStatusAndCreatedRange_FiltersAndAnswersDurableShape()
    {
        var running = await StartAsync("cust-filter-1");
        var terminated = await StartAsync("cust-filter-2");
        await PostAsync($"{Instances}/{terminated}/terminate");
        var from = Uri.EscapeDataString(RuntimeHost.ClockStart.AddMinutes(-1).ToString("O"));
        var to = Uri.EscapeDataString(RuntimeHost.ClockStart.AddMinutes(1).ToString("O"));

        var both = await Client.GetJsonAsync($"{Instances}?instanceIdPrefix=test-bill:cust-filter-&runtimeStatus=Running,Terminated&createdTimeFrom={from}&createdTimeTo={to}");
        var onlyTerminated = await Client.GetJsonAsync($"{Instances}?instanceIdPrefix=test-bill:cust-filter-&runtimeStatus=Terminated");
        var later = await Client.GetJsonAsync($"{Instances}?instanceIdPrefix=test-bill:cust-filter-&createdTimeFrom={to}");

        Assert.Equal([running, terminated], both.Body.EnumerateArray().Select(i => i.Text("instanceId")));
        var item = Assert.Single(onlyTerminated.Body.EnumerateArray());
        Assert.Equal((terminated, "Terminated", "test-bill"), (item.Text("instanceId"), item.Text("runtimeStatus"), item.Text("name")));
        Assert.Equal(0, later.Body.GetArrayLength());
    }

    [Fact]
    public async Task List_TopOutOfRange_Returns400()
    {
        var answer = await Client.GetJsonAsync($"{Instances}?top=0");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task Terminate_Running_Returns202ThenTerminatedAndSecondTerminateReturns410()
    {
        var id = await StartAsync("cust-term");

        var first = await PostAsync($"{Instances}/{id}/terminate?reason=customer%20asked");
        var status = await Client.GetStatusAsync(id);
        var second = await PostAsync($"{Instances}/{id}/terminate");

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.OK, status.Status);
        Assert.Equal(("Terminated", "stopped", "customer asked"), (status.Body.Text("runtimeStatus"), status.Body.Text("output", "outcome"), status.Body.Text("output", "reason")));
        Assert.Equal(HttpStatusCode.Gone, second.Status);
    }

    [Theory]
    [InlineData("terminate")]
    [InlineData("suspend")]
    [InlineData("resume")]
    [InlineData("raiseEvent/payment.failed")]
    public async Task Command_UnknownInstance_Returns404(string command)
    {
        var answer = await PostAsync($"{Instances}/test-bill:nobody:nothing/{command}");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Theory]
    [InlineData("suspend")]
    [InlineData("resume")]
    [InlineData("raiseEvent/payment.failed")]
    public async Task Command_CompletedInstance_Returns410(string command)
    {
        var customer = $"cust-done-{command.Replace('/', '-')}";
        var id = await StartAsync(customer);
        await Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event($"pay-{customer}", "payment.completed", customer)));

        var answer = await PostAsync($"{Instances}/{id}/{command}");

        Assert.Equal(HttpStatusCode.Gone, answer.Status);
    }

    [Fact]
    public async Task SuspendResume_TouchpointsBufferedWhileSuspended_AppliedInOrderOnResume()
    {
        const string Customer = "cust-suspend";
        var id = await StartAsync(Customer);

        var suspend = await PostAsync($"{Instances}/{id}/suspend?reason=audit");
        await Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("fail-suspend", "payment.failed", Customer)));
        await Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("pay-suspend", "payment.completed", Customer)));
        var whileSuspended = await Client.GetStatusAsync(id);
        var resume = await PostAsync($"{Instances}/{id}/resume");
        var after = await Client.GetStatusAsync(id, "?showHistory=true");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (suspend.Status, resume.Status));
        Assert.Equal(("Suspended", "wait-pay"), (whileSuspended.Body.Text("runtimeStatus"), whileSuspended.Body.Text("customStatus", "step")));
        Assert.Equal(("Completed", "success"), (after.Body.Text("runtimeStatus"), after.Body.Text("output", "outcome")));

        // The failure was applied before the payment: its call-back was requested before the goal ended the instance.
        var details = after.Body.GetProperty("historyEvents").EnumerateArray().Select(d => d.Text("decision", "detail")).ToList();
        Assert.Contains("contact-center/call-back", details);
    }

    [Fact]
    public async Task RaiseEvent_JsonBody_AppliesItToThatInstanceAnd202()
    {
        var id = await StartAsync("cust-raise");
        var other = await StartAsync("cust-raise-other");

        var answer = await PostAsync($"{Instances}/{id}/raiseEvent/payment.failed", """{ "reason": "card-expired" }""");

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("wait-after-reminder", (await Client.GetStatusAsync(id)).Body.Text("customStatus", "step"));
        Assert.Equal("wait-pay", (await Client.GetStatusAsync(other)).Body.Text("customStatus", "step"));
    }

    [Fact]
    public async Task RaiseEvent_BadJson_Returns400AndChangesNothing()
    {
        var id = await StartAsync("cust-raise-bad");

        var answer = await PostAsync($"{Instances}/{id}/raiseEvent/payment.failed", "{ not json");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("wait-pay", (await Client.GetStatusAsync(id)).Body.Text("customStatus", "step"));
    }

    [Fact]
    public async Task Purge_TerminatedInstance_Returns200WithInstancesDeletedThen404()
    {
        var id = await StartAsync("cust-purge");
        await PostAsync($"{Instances}/{id}/terminate");

        var purged = await DeleteAsync($"{Instances}/{id}");
        var status = await Client.GetStatusAsync(id);
        var again = await DeleteAsync($"{Instances}/{id}");

        Assert.Equal(HttpStatusCode.OK, purged.Status);
        Assert.Equal(1, purged.Body.GetProperty("instancesDeleted").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, status.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
    }

    [Fact]
    public async Task Purge_RunningInstance_Returns409AndKeepsIt()
    {
        var id = await StartAsync("cust-purge-running");

        var answer = await DeleteAsync($"{Instances}/{id}");

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal(HttpStatusCode.Accepted, (await Client.GetStatusAsync(id)).Status);
    }

    private async Task<string> StartAsync(string customer)
    {
        var accepted = await Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice($"inv-{customer}", customer)));
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        return $"test-bill:{customer}:inv-{customer}";
    }

    private async Task<Api.Answer> PostAsync(string path, string? json = null)
    {
        using var content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri(path, UriKind.Relative), content);
        return await Api.ReadAsync(response);
    }

    private async Task<Api.Answer> DeleteAsync(string path)
    {
        using var response = await Client.DeleteAsync(new Uri(path, UriKind.Relative));
        return await Api.ReadAsync(response);
    }
}
