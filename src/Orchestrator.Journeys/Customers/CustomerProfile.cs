using System.Text.Json;

namespace Orchestrator.Journeys.Customers;

/// <summary>
/// What a journey can read of its customer beyond the id: attributes designers set (tier, locale, timeZone,
/// preferredChannel…), consent per channel, and facts the runtime keeps. Stored on the customer's own row, so reading
/// it costs nothing beyond the read every input makes anyway.
/// </summary>
/// <remarks>
/// Conditions and templates read it as <c>customer.attributes.*</c>, <c>customer.consent.*</c> and
/// <c>customer.facts.*</c>. The engine never reads it itself: the host passes it in <see cref="Engine.JourneyContext"/>.
/// </remarks>
public sealed record CustomerProfile
{
    /// <summary>Most attributes a customer has.</summary>
    public const int MaxAttributes = 50;

    /// <summary>Most bytes the attributes take as JSON.</summary>
    public const int MaxAttributesBytes = 8 * 1024;

    /// <summary>Most channels with a consent.</summary>
    public const int MaxConsents = 20;

    /// <summary>Most elements of an array attribute.</summary>
    public const int MaxArrayLength = 20;

    /// <summary>The attribute <c>"channel": "preferred"</c> reads.</summary>
    public const string PreferredChannelAttribute = "preferredChannel";

    /// <summary>No attributes, consent or facts: a customer never seen.</summary>
    public static CustomerProfile Empty { get; } = new();

    /// <summary>Whether there is nothing in it, so a store need not write it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Attributes.Count == 0 && Consent.Count == 0 && Facts.LastTouchpointAt is null && Facts.Journeys.Count == 0 && Facts.RecentOutcomes.Count == 0;

    /// <summary>Attributes by name; values are scalars or small arrays of scalars.</summary>
    public IReadOnlyDictionary<string, JsonElement> Attributes { get; init; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Consent by channel; a channel not listed is unknown.</summary>
    public IReadOnlyDictionary<string, ChannelConsent> Consent { get; init; } = new Dictionary<string, ChannelConsent>(StringComparer.Ordinal);

    /// <summary>What the runtime keeps of the customer's touchpoints and journeys.</summary>
    public CustomerFacts Facts { get; init; } = CustomerFacts.None;

    /// <summary>The customer's preferred channel, when the attribute is a string.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? PreferredChannel =>
        Attributes.TryGetValue(PreferredChannelAttribute, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The consent status for a channel; null when unknown.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The status.</returns>
    public ConsentStatus? ConsentFor(string channel) => Consent.TryGetValue(channel, out var consent) ? consent.Status : null;
}
