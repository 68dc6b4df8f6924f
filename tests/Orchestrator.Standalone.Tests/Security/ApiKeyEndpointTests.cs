using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Security;

[Collection(StorageCollection.Name)]
public sealed class ApiKeyEndpointTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private RuntimeHost _host = null!;
    private HttpClient _anonymous = null!;

    public async Task InitializeAsync()
    {
        _host = await fixture.StartAsync(azurite);
        _anonymous = _host.CreateClientWithoutKey();
    }

    public Task DisposeAsync()
    {
        _anonymous.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string, string> ManagementRoutes => new()
    {
        { "GET", "/api/journeys" },
        { "GET", "/api/journeys/test-bill" },
        { "PUT", "/api/journeys/test-bill" },
        { "GET", "/api/journeys/test-bill/versions/1" },
        { "POST", "/api/journeys/test-bill/versions/1/activate" },
        { "GET", "/api/customers/cust-1/journeys" },
        { "GET", "/api/customers/cust-1/timeline" },
        { "GET", "/runtime/webhooks/durabletask/instances/x" },
        { "GET", "/runtime/webhooks/durabletask/instances" },
        { "POST", "/runtime/webhooks/durabletask/instances/x/terminate" },
        { "GET", "/api/poison" },
        { "POST", "/api/poison/x/replay" },
        { "GET", "/API/JOURNEYS" },
        { "GET", "/api/not-a-route-yet" },
    };

    [Theory]
    [MemberData(nameof(ManagementRoutes))]
    public async Task ManagementRoute_NoKey_Returns401GenericProblem(string method, string path)
    {
        using var response = await _anonymous.SendAsync(Request(method, path));

        await AssertUnauthorizedAsync(response);
    }

    [Theory]
    [MemberData(nameof(ManagementRoutes))]
    public async Task ManagementRoute_IngestionKey_Returns401(string method, string path)
    {
        using var response = await _anonymous.SendAsync(Request(method, path, TestApiKeys.Ingestion));

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Touchpoints_NoKey_Returns401BeforeReadingTheBody()
    {
        using var request = Request("POST", "/api/touchpoints");
        request.Content = CloudEvents.Content(CloudEvents.Invoice("inv-nokey", "cust-nokey"));

        using var response = await _anonymous.SendAsync(request);

        await AssertUnauthorizedAsync(response);
        Assert.Empty((await _host.Client.GetJsonAsync("/api/customers/cust-nokey/journeys")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Touchpoints_ManagementKey_Returns401()
    {
        using var request = Request("POST", "/api/touchpoints", TestApiKeys.Management);
        request.Content = CloudEvents.Content(CloudEvents.Invoice("inv-mgmtkey", "cust-mgmtkey"));

        using var response = await _anonymous.SendAsync(request);

        await AssertUnauthorizedAsync(response);
    }

    [Theory]
    [InlineData("x-api-key")]
    [InlineData("x-functions-key")]
    public async Task Touchpoints_IngestionKeyInEitherHeader_Returns202(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/touchpoints");
        request.Headers.Add(header, TestApiKeys.Ingestion);
        request.Content = CloudEvents.Content(CloudEvents.Invoice($"inv-{header}", $"cust-{header}"));

        using var response = await _anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("x-api-key")]
    [InlineData("x-functions-key")]
    public async Task ManagementRoute_ManagementKeyInEitherHeader_Returns200(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/journeys");
        request.Headers.Add(header, TestApiKeys.Management);

        using var response = await _anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("wrong")]
    [InlineData(TestApiKeys.Management + "x")]
    [InlineData("test-management-key-012345678")]
    [InlineData("TEST-MANAGEMENT-KEY-0123456789")]
    public async Task ManagementRoute_WrongKey_Returns401(string key)
    {
        using var response = await _anonymous.SendAsync(Request("GET", "/api/journeys", key));

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Rejections_WrongScopeOrMissingOrWrongKey_AreIndistinguishable()
    {
        using var missing = await _anonymous.SendAsync(Request("GET", "/api/journeys"));
        using var wrong = await _anonymous.SendAsync(Request("GET", "/api/journeys", "wrong-key-0123456789"));
        using var otherScope = await _anonymous.SendAsync(Request("GET", "/api/journeys", TestApiKeys.Ingestion));

        var bodies = new List<string>();
        foreach (var response in new[] { missing, wrong, otherScope })
        {
            // Each answer has a trace id of its own; everything else must be the same.
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            body.Remove("traceId");
            bodies.Add($"{(int)response.StatusCode} {response.Headers.WwwAuthenticate} {body.ToJsonString()}");
        }

        Assert.Single(bodies.Distinct());
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    public async Task OpenPath_NoKey_Returns200(string path)
    {
        using var response = await _anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path, string? key = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "PUT" or "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(TestApiKeys.Header, key);
        }

        return request;
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        var answer = await Api.ReadAsync(response);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal("a valid API key is required", answer.Body.Text("detail"));
        Assert.DoesNotContain("ingestion", answer.Body.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("management", answer.Body.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }
}
