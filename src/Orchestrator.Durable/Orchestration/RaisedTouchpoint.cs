using System.Text.Json;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Customers;

namespace Orchestrator.Durable.Orchestration;

/// <summary>
/// The payload of the touchpoint event raised to an orchestration: the touchpoint's own properties, plus the customer's
/// profile as the ingress read it with the touchpoint (its change merged), so the instance applies the touchpoint with
/// the profile the standalone runtime would, replay-safely.
/// </summary>
/// <remarks>
/// The touchpoint's properties are at the top level, as a <see cref="Touchpoint"/> is written: an event raised by an
/// earlier build (a bare touchpoint) reads as one with no profile.
/// </remarks>
/// <param name="Id">The touchpoint's id.</param>
/// <param name="Type">Its type.</param>
/// <param name="Source">Its source.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Time">Its time.</param>
/// <param name="Data">Its data.</param>
public sealed record RaisedTouchpoint(string Id, string Type, string Source, string CustomerId, DateTimeOffset Time, JsonElement? Data)
{
    /// <summary>The customer's profile read with the touchpoint; null from an earlier build.</summary>
    public CustomerProfile? Customer { get; init; }

    /// <summary>The payload for a touchpoint.</summary>
    /// <param name="touchpoint">The touchpoint.</param>
    /// <param name="customer">The customer's profile read with it.</param>
    /// <returns>The payload.</returns>
    public static RaisedTouchpoint Of(Touchpoint touchpoint, CustomerProfile? customer)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return new(touchpoint.Id, touchpoint.Type, touchpoint.Source, touchpoint.CustomerId, touchpoint.Time, touchpoint.Data) { Customer = customer };
    }

    /// <summary>The touchpoint itself.</summary>
    /// <returns>The touchpoint.</returns>
    public Touchpoint ToTouchpoint() => new(Id, Type, Source, CustomerId, Time, Data);
}
