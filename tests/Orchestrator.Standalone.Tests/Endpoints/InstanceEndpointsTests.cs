using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class InstanceEndpointsTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private RuntimeHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() =>
        _host = await fixture.StartAsync(azurite, setUp: host => TestJourneys.DeployAsync(host.Client, TestJourneys.Read(TestJourneys.Bill)));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetStatus_UnknownInstance_Returns404Problem()
    {
        var answer = await Client.GetStatusAsync("test-bill:nobody:nothing");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
    }

    [Fact]
    public async Task GetStatus_RunningInstance_Returns202WithLocationAndRetryAfter()
    {
        await Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-running", "cust-running")));

        using var response = await Client.GetAsync(new Uri("/runtime/webhooks/durabletask/instances/test-bill:cust-running:inv-running", UriKind.Relative));
        var answer = await Api.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal(response.RequestMessage!.RequestUri, response.Headers.Location);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal("test-bill", answer.Body.Text("name"));
        Assert.Equal("test-bill:cust-running:inv-running", answer.Body.Text("instanceId"));
        Assert.Equal("Running", answer.Body.Text("runtimeStatus"));
        Assert.Equal("inv-running", answer.Body.Text("input", "id"));
        Assert.Equal("wait-pay", answer.Body.Text("customStatus", "step"));
        Assert.Equal(JsonValueKind.Null, answer.Body.GetProperty("output").ValueKind);
        Assert.Equal(RuntimeHost.ClockStart, answer.Body.GetProperty("createdTime").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, answer.Body.GetProperty("historyEvents").ValueKind);
    }

    [Fact]
    public async Task GetStatus_CompletedInstance_Returns200WithOutcomeAndNoLocation()
    {
        await Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-paid", "cust-paid")));
        await Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("pay-paid", "payment.completed", "cust-paid")));

        using var response = await Client.GetAsync(new Uri("/runtime/webhooks/durabletask/instances/test-bill:cust-paid:inv-paid", UriKind.Relative));
        var answer = await Api.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(response.Headers.Location);
        Assert.Equal("Completed", answer.Body.Text("runtimeStatus"));
        Assert.Equal("success", answer.Body.Text("output", "outcome"));
    }

    [Fact]
    public async Task GetStatus_ShowHistory_ListsTheInstancesDecisions()
    {
        await Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-history", "cust-history")));

        var answer = await Client.GetStatusAsync("test-bill:cust-history:inv-history", "?showHistory=true");

        var history = answer.Body.GetProperty("historyEvents").EnumerateArray().ToArray();
        Assert.Equal("started", history[0].Text("decision", "kind"));
        Assert.Contains(history, d => d.Text("decision", "kind") == "actionRequested" && d.Text("decision", "detail") == "email/invoice-ready");
        Assert.All(history, d => Assert.Equal("test-bill:cust-history:inv-history", d.Text("instanceId")));
    }

    [Theory]
    [InlineData(InstanceRuntimeStatus.Suspended, "", HttpStatusCode.Accepted)]
    [InlineData(InstanceRuntimeStatus.Terminated, "", HttpStatusCode.OK)]
    [InlineData(InstanceRuntimeStatus.Failed, "", HttpStatusCode.OK)]
    [InlineData(InstanceRuntimeStatus.Failed, "?returnInternalServerErrorOnFailure=true", HttpStatusCode.InternalServerError)]
    [InlineData(InstanceRuntimeStatus.Terminated, "?returnInternalServerErrorOnFailure=true", HttpStatusCode.OK)]
    public async Task GetStatus_OperatorStatus_AnswersWithDurableStatusCode(InstanceRuntimeStatus runtimeStatus, string query, HttpStatusCode expected)
    {
        var customerId = $"cust-{runtimeStatus}-{query.Length}".ToLowerInvariant();
        await Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-operator", customerId)));
        var instanceId = $"test-bill:{customerId}:inv-operator";
        await SetRuntimeStatusAsync(customerId, instanceId, runtimeStatus);

        var answer = await Client.GetStatusAsync(instanceId, query);

        Assert.Equal(expected, answer.Status);
        Assert.Equal(runtimeStatus.ToString(), answer.Body.Text("runtimeStatus"));
    }

    // Writes the status as an operator command would, through the customer store, so every Durable status can be read back.
    private async Task SetRuntimeStatusAsync(string customerId, string instanceId, InstanceRuntimeStatus runtimeStatus)
    {
        var customers = _host.Services.GetRequiredService<ICustomerStore>();
        var snapshot = await customers.LoadAsync(customerId, null, CancellationToken.None);
        var instance = Assert.Single(snapshot.ActiveInstances, i => i.InstanceId == instanceId);
        var sequence = snapshot.Customer.Sequence + 1;
        await customers.CommitAsync(
            new CustomerCommit(
                snapshot.Customer with { Sequence = sequence },
                [instance with { RuntimeStatus = runtimeStatus }],
                new TimelineEntry(sequence, RuntimeHost.ClockStart, "operator", null, [], [], [$"{instanceId}: {runtimeStatus}"]),
                null,
                []),
            CancellationToken.None);
    }
}
