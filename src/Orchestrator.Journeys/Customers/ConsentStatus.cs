using System.Text.Json.Serialization;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Journeys.Customers;

/// <summary>A customer's answer about one channel; written <c>optIn</c> / <c>optOut</c>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ConsentStatus>))]
public enum ConsentStatus
{
    /// <summary>The customer agreed to be contacted on the channel.</summary>
    OptIn,

    /// <summary>The customer refused contact on the channel: sends to it are withheld.</summary>
    OptOut,
}
