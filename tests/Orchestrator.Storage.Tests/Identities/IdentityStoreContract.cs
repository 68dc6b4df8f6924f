using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Identities;

/// <summary>What every <see cref="IIdentityStore"/> must do; run against each implementation.</summary>
public abstract class IdentityStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IIdentityStore Store { get; }

    [Fact]
    public async Task ResolveAsync_UnlinkedAlias_ReturnsNull() => Assert.Null(await Store.ResolveAsync("email:nobody@example.com", None));

    [Fact]
    public async Task ResolveAsync_LinkedAlias_ReturnsCustomer()
    {
        await Store.LinkAsync("email:ann@example.com", "customer-ann", None);

        Assert.Equal("customer-ann", await Store.ResolveAsync("email:ann@example.com", None));
        Assert.Null(await Store.ResolveAsync("email:ANN@example.com", None));
    }

    [Fact]
    public async Task LinkAsync_AliasRelinked_LatestLinkWins()
    {
        await Store.LinkAsync("phone:+33123", "customer-1", None);

        await Store.LinkAsync("phone:+33123", "customer-2", None);

        Assert.Equal("customer-2", await Store.ResolveAsync("phone:+33123", None));
    }

    [Fact]
    public async Task LinkAsync_AliasWithReservedCharacters_Resolves()
    {
        var alias = "web:https://shop.example/u?id=1#x" + Samples.Reserved;

        await Store.LinkAsync(alias, "customer" + Samples.Reserved, None);

        Assert.Equal("customer" + Samples.Reserved, await Store.ResolveAsync(alias, None));
        Assert.Null(await Store.ResolveAsync("web:https:%2F%2Fshop.example", None));
    }
}
