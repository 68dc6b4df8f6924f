using Orchestrator.Application.Identity;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Application.Tests.Identity;

public sealed class IdentityResolverTests
{
    private readonly InMemoryIdentityStore _store = new();

    [Theory]
    [InlineData("email:ann@example.com", true)]
    [InlineData("EMAIL:ann@example.com", true)]
    [InlineData("phone:+43123456", true)]
    [InlineData("device:abc", true)]
    [InlineData("cookie:c-9", true)]
    [InlineData("account:ac-1", true)]
    [InlineData("cust-1", false)]
    [InlineData("crm:123", false)]
    [InlineData("urn:cust:1", false)]
    [InlineData(":email", false)]
    [InlineData("email", false)]
    public void IsAlias_DefaultSchemes_OnlyConfiguredPrefixes(string subject, bool alias) =>
        Assert.Equal(alias, new IdentityResolver(_store, new ApplicationOptions()).IsAlias(subject));

    [Theory]
    [InlineData("email:ann@example.com", "cust-1")]
    [InlineData("EMAIL:ann@example.com", "cust-1")]
    [InlineData("phone:+43123456", "phone:+43123456")]
    [InlineData("cust-1", "cust-1")]
    [InlineData("crm:123", "crm:123")]
    public async Task ResolveAsync_Subject_LinkedAliasesResolveOthersStandForThemselves(string subject, string customerId)
    {
        await _store.LinkAsync("email:ann@example.com", "cust-1", CancellationToken.None);

        // Linked in the store, but "crm" is no configured scheme: a customer id that holds a colon.
        await _store.LinkAsync("crm:123", "someone-else", CancellationToken.None);
        var resolver = new IdentityResolver(_store, new ApplicationOptions());

        Assert.Equal(customerId, await resolver.ResolveAsync(subject, CancellationToken.None));
    }

    [Fact]
    public async Task ResolveAsync_CustomSchemes_OnlyThoseLookedUp()
    {
        await _store.LinkAsync("crm:123", "cust-1", CancellationToken.None);
        await _store.LinkAsync("email:ann@example.com", "cust-1", CancellationToken.None);
        var resolver = new IdentityResolver(_store, new ApplicationOptions { AliasSchemes = ["crm"] });

        Assert.Equal("cust-1", await resolver.ResolveAsync("crm:123", CancellationToken.None));
        Assert.Equal("email:ann@example.com", await resolver.ResolveAsync("email:ann@example.com", CancellationToken.None));
    }

    [Fact]
    public async Task LinkAsync_AliasAndAliases_LinksEveryStringToCustomer()
    {
        var resolver = new IdentityResolver(_store, new ApplicationOptions());
        var data = Json.Parse("""{ "alias": "email:ann@example.com", "aliases": ["phone:+43123456", 7, null, "cookie:c-9", "cust-1"] }""");

        var linked = await resolver.LinkAsync("cust-1", data, CancellationToken.None);

        Assert.Equal(["email:ann@example.com", "phone:+43123456", "cookie:c-9", "cust-1"], linked);
        foreach (var alias in new[] { "email:ann@example.com", "phone:+43123456", "cookie:c-9" })
        {
            Assert.Equal("cust-1", await resolver.ResolveAsync(alias, CancellationToken.None));
        }

        // The customer's own id is never linked to itself.
        Assert.Null(await _store.ResolveAsync("cust-1", CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("[]")]
    [InlineData("""{ "alias": 5, "aliases": "email:x" }""")]
    public async Task LinkAsync_NoAliasesInData_LinksNothing(string? data)
    {
        var resolver = new IdentityResolver(_store, new ApplicationOptions());

        Assert.Empty(await resolver.LinkAsync("cust-1", Json.ParseOrNull(data), CancellationToken.None));
    }

    [Fact]
    public async Task LinkAsync_AliasLinkedAgain_LatestLinkWins()
    {
        var resolver = new IdentityResolver(_store, new ApplicationOptions());
        await resolver.LinkAsync("cust-1", Json.Parse("""{ "alias": "device:d-1" }"""), CancellationToken.None);

        await resolver.LinkAsync("cust-2", Json.Parse("""{ "alias": "device:d-1" }"""), CancellationToken.None);

        Assert.Equal("cust-2", await resolver.ResolveAsync("device:d-1", CancellationToken.None));
    }

    [Fact]
    public async Task AcceptAsync_AliasLinkedByEvent_LaterTouchpointWithAliasReachesCustomersInstance()
    {
        using var runtime = new TestRuntime();
        await runtime.DeploySamplesAsync(SampleJourneys.SupportCase);
        await runtime.Ingress.AcceptAsync(TestEvents.Incoming("c-1", "case.opened", "cust-7", """{ "caseId": "c-1" }"""), CancellationToken.None);
        var link = await runtime.Ingress.AcceptAsync(
            TestEvents.Incoming("l-1", IdentityResolver.LinkEventType, "cust-7", """{ "alias": "email:ann@example.com", "aliases": ["phone:+43123456"] }"""),
            CancellationToken.None);

        var resolved = await runtime.Ingress.AcceptAsync(TestEvents.Incoming("r-1", "case.resolved", "email:ann@example.com"), CancellationToken.None);

        Assert.Equal(AcceptStatus.Applied, link.Status);
        Assert.Equal(new AcceptResult("r-1", "cust-7", AcceptStatus.Applied), resolved);
        Assert.Equal("cust-7", await runtime.Identities.ResolveAsync("phone:+43123456", CancellationToken.None));
        var instance = await runtime.InstanceAsync("cust-7", "support-case:cust-7:c-1");
        Assert.Equal("wait-survey", instance.State.CurrentStep);
        Assert.NotNull(instance.State.GoalReachedAt);
        Assert.Empty(await runtime.TimelineAsync("email:ann@example.com"));
    }

    [Fact]
    public async Task AcceptAsync_UnlinkedAlias_RunsJourneyUnderAliasItself()
    {
        using var runtime = new TestRuntime();
        await runtime.DeploySamplesAsync(SampleJourneys.SupportCase);

        var result = await runtime.Ingress.AcceptAsync(TestEvents.Incoming("c-1", "case.opened", "cookie:anon-1", """{ "caseId": "c-1" }"""), CancellationToken.None);

        Assert.Equal("cookie:anon-1", result.CustomerId);
        Assert.Single(await runtime.Store.ListInstancesAsync("cookie:anon-1", CancellationToken.None));
    }
}
