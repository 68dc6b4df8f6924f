using System.Text.Json;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Serialization;
using Orchestrator.Journeys.Customers;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Customers;

/// <summary>The customer's profile, kept on the customer's own row: written with a commit, read back by the one load.</summary>
public abstract partial class CustomerStoreContract
{
    private static readonly CustomerProfile Profile = new()
    {
        Attributes = new Dictionary<string, JsonElement>
        {
            ["tier"] = JsonSerializer.SerializeToElement("gold"),
            ["score"] = JsonSerializer.SerializeToElement(87.5),
            ["tags"] = JsonSerializer.SerializeToElement(new[] { "vip", "beta" }),
        },
        Consent = new Dictionary<string, ChannelConsent> { ["email"] = new(ConsentStatus.OptOut, Samples.T0, "preference-center") },
        Facts = new CustomerFacts
        {
            LastTouchpointAt = Samples.T0,
            LastTouchpointType = "app.opened",
            LastChannel = "mobile",
            Journeys = [new JourneyPresence("onboarding", "instance-1", "wait")],
            RecentOutcomes = [new OutcomeFact("renewal", "instance-0", JourneyOutcome.Success, Samples.T0)],
        },
    };

    [Fact]
    public async Task CommitAsync_Profile_LoadReturnsItUnchanged()
    {
        var customerId = Samples.NewId("customer");
        var first = Samples.FirstCommit(customerId, "instance-1", "tp-1");

        await Store.CommitAsync(first with { Customer = first.Customer with { Profile = Profile } }, None);
        var snapshot = await Store.LoadAsync(customerId, null, None);

        Json.Equal(Profile, snapshot.Customer.Profile, ApplicationJsonContext.Default.CustomerProfile);
    }

    [Fact]
    public async Task CommitAsync_ProfileEmptied_LoadReturnsAnEmptyProfile()
    {
        var customerId = Samples.NewId("customer");
        var first = Samples.FirstCommit(customerId, "instance-1", "tp-1");
        await Store.CommitAsync(first with { Customer = first.Customer with { Profile = Profile } }, None);
        var read = await Store.LoadAsync(customerId, null, None);

        await Store.CommitAsync(new CustomerCommit(read.Customer with { Sequence = 2, Profile = CustomerProfile.Empty }, [], Samples.Entry(customerId, 2), null, []), None);
        var snapshot = await Store.LoadAsync(customerId, null, None);

        Assert.True(snapshot.Customer.Profile.IsEmpty);
    }
}
