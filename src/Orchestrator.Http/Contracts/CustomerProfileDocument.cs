using System.Text.Json;
using Orchestrator.Journeys.Customers;

namespace Orchestrator.Http.Contracts;

/// <summary>A customer's profile as the API shows it.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Attributes">Attributes by name.</param>
/// <param name="Consent">Consent by channel.</param>
/// <param name="Facts">What the runtime keeps of the customer's touchpoints and journeys.</param>
public sealed record CustomerProfileDocument(
    string CustomerId,
    IReadOnlyDictionary<string, JsonElement> Attributes,
    IReadOnlyDictionary<string, ChannelConsent> Consent,
    CustomerFacts Facts)
{
    /// <summary>The document of a profile.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="profile">The profile.</param>
    /// <returns>The document.</returns>
    public static CustomerProfileDocument Of(string customerId, CustomerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(customerId, profile.Attributes, profile.Consent, profile.Facts);
    }
}
