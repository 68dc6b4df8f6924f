using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class TouchpointEndpointsTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private RuntimeHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() =>
        _host = await fixture.StartAsync(azurite, setUp: host => TestJourneys.DeployAsync(host.Client, TestJourneys.Read(TestJourneys.Bill)));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Post_StructuredEvent_Returns202AndStartsInstance()
    {
        var answer = await Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-structured", "cust-structured")));

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        var accepted = Assert.Single(answer.Body.GetProperty("accepted").EnumerateArray());
        Assert.Equal("inv-structured", accepted.Text("id"));
        Assert.Equal("cust-structured", accepted.Text("customerId"));
        Assert.Equal("Applied", accepted.Text("status"));

        var status = await Client.GetStatusAsync("test-bill:cust-structured:inv-structured");
        Assert.Equal(HttpStatusCode.Accepted, status.Status);
        Assert.Equal("Running", status.Body.Text("runtimeStatus"));
        Assert.Equal("wait-pay", status.Body.Text("customStatus", "step"));
    }

    [Fact]
    public async Task Post_Batch_Returns202WithEachEventInOrder()
    {
        var batch = new JsonArray(CloudEvents.Invoice("inv-batch-1", "cust-batch-1"), CloudEvents.Invoice("inv-batch-2", "cust-batch-2"));

        var answer = await Client.PostTouchpointsAsync(CloudEvents.Content(batch, CloudEvents.Batch));

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal(["inv-batch-1", "inv-batch-2"], answer.Body.GetProperty("accepted").EnumerateArray().Select(a => a.Text("id")));
        Assert.Equal("wait-pay", (await Client.GetStatusAsync("test-bill:cust-batch-1:inv-batch-1")).Body.Text("customStatus", "step"));
        Assert.Equal("wait-pay", (await Client.GetStatusAsync("test-bill:cust-batch-2:inv-batch-2")).Body.Text("customStatus", "step"));
    }

    [Fact]
    public async Task Post_BinaryMode_Returns202AndAppliesEventToInstance()
    {
        await Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-binary", "cust-binary")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/touchpoints")
        {
            Content = new StringContent("""{"reason":"card-expired"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("ce-specversion", "1.0");
        request.Headers.Add("ce-id", "pay-failed-binary");
        request.Headers.Add("ce-type", "payment.failed");
        request.Headers.Add("ce-source", "payments");
        request.Headers.Add("ce-subject", "cust-binary");
        request.Headers.Add("ce-time", "2026-03-02T08:00:00Z");

        using var response = await Client.SendAsync(request);
        var answer = await Api.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("Applied", answer.Body.GetProperty("accepted")[0].Text("status"));
        var status = await Client.GetStatusAsync("test-bill:cust-binary:inv-binary");
        Assert.Equal("wait-after-reminder", status.Body.Text("customStatus", "step"));
        var timeline = await Client.GetJsonAsync("/api/customers/cust-binary/timeline");
        Assert.Equal("card-expired", timeline.Body[1].Text("touchpoint", "data", "reason"));
    }

    [Fact]
    public async Task Post_EventWithoutSubject_Returns400NamingSubject()
    {
        var cloudEvent = CloudEvents.Invoice("inv-no-subject", "cust-x");
        cloudEvent.Remove("subject");

        var answer = await Client.PostTouchpointsAsync(CloudEvents.Content(cloudEvent));

        AssertProblem(answer, HttpStatusCode.BadRequest);
        Assert.Equal(["subject"], answer.Body.ErrorPlaces());
    }

    [Fact]
    public async Task Post_EventWithoutId_Returns400NamingId()
    {
        var cloudEvent = CloudEvents.Invoice("unused", "cust-no-id");
        cloudEvent.Remove("id");

        var answer = await Client.PostTouchpointsAsync(CloudEvents.Content(cloudEvent));

        AssertProblem(answer, HttpStatusCode.BadRequest);
        Assert.Equal(["id"], answer.Body.ErrorPlaces());
        Assert.Empty((await Client.GetJsonAsync("/api/customers/cust-no-id/timeline")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Post_BatchWithBadSecondEvent_Returns400PointingIntoBatchAndAppliesNone()
    {
        var second = CloudEvents.Invoice("inv-bad-batch-2", "cust-bad-batch");
        second.Remove("type");
        var batch = new JsonArray(CloudEvents.Invoice("inv-bad-batch-1", "cust-bad-batch"), second);

        var answer = await Client.PostTouchpointsAsync(CloudEvents.Content(batch, CloudEvents.Batch));

        AssertProblem(answer, HttpStatusCode.BadRequest);
        Assert.Equal(["/1/type"], answer.Body.ErrorPlaces());
        Assert.Empty((await Client.GetJsonAsync("/api/customers/cust-bad-batch/journeys")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Post_EventOverSizeLimit_Returns400NamingTheLimit()
    {
        var cloudEvent = CloudEvents.Invoice("inv-huge", "cust-huge");
        cloudEvent["data"]!["note"] = new string('x', 64 * 1024);

        var answer = await Client.PostTouchpointsAsync(CloudEvents.Content(cloudEvent));

        AssertProblem(answer, HttpStatusCode.BadRequest);
        Assert.Contains("65536 bytes", answer.Body.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyNotJson_Returns400SayingSo()
    {
        var answer = await Client.PostTouchpointsAsync(CloudEvents.Content("{ this is not json"));

        AssertProblem(answer, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", answer.Body.GetProperty("errors")[0].Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnsupportedContentType_Returns415Problem()
    {
        var answer = await Client.PostTouchpointsAsync(CloudEvents.Content("invoice issued", "text/plain"));

        AssertProblem(answer, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_SameIdTwice_SecondIsDuplicateAndChangesNothing()
    {
        var cloudEvent = CloudEvents.Invoice("inv-twice", "cust-twice");
        var first = await Client.PostTouchpointsAsync(CloudEvents.Content(cloudEvent));

        var second = await Client.PostTouchpointsAsync(CloudEvents.Content(cloudEvent));

        Assert.Equal("Applied", first.Body.GetProperty("accepted")[0].Text("status"));
        Assert.Equal(HttpStatusCode.Accepted, second.Status);
        Assert.Equal("Duplicate", second.Body.GetProperty("accepted")[0].Text("status"));
        var timeline = await Client.GetJsonAsync("/api/customers/cust-twice/timeline");
        Assert.Single(timeline.Body.EnumerateArray());
        var actions = (await ActionsQueue.DrainAsync(_host.Queue("actions"))).For("cust-twice");
        Assert.Equal(2, actions.Count);
        Assert.Equal(
            ["email/invoice-ready", "web/payment-link"],
            actions.Select(a => $"{a.Text("channel")}/{a.Text("action")}"));
        Assert.Equal(2, actions.Select(a => a.Text("idempotencyKey")).Distinct().Count());
    }

    [Fact]
    public async Task Post_AliasLinkedToCustomer_ResolvesSubjectToThatCustomer()
    {
        var link = CloudEvents.Event("link-ann", "identity.linked", "cust-ann", new JsonObject { ["alias"] = "email:ann@example.com" });
        await Client.PostTouchpointsAsync(CloudEvents.Content(link));

        var answer = await Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-ann", "EMAIL:ann@example.com")));

        Assert.Equal("cust-ann", answer.Body.GetProperty("accepted")[0].Text("customerId"));
        Assert.Equal(HttpStatusCode.Accepted, (await Client.GetStatusAsync("test-bill:cust-ann:inv-ann")).Status);
    }

    private static void AssertProblem(Api.Answer answer, HttpStatusCode expected)
    {
        Assert.Equal(expected, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal((int)expected, answer.Body.GetProperty("status").GetInt32());
        Assert.NotNull(answer.Body.Text("type"));
        Assert.NotNull(answer.Body.Text("title"));
        Assert.NotNull(answer.Body.Text("detail"));
    }
}
