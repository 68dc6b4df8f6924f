using System.Text.Json.Serialization;

namespace Orchestrator.Application.Touchpoints;

/// <summary>How an accepted touchpoint was taken.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AcceptStatus>))]
public enum AcceptStatus
{
    /// <summary>Applied to the customer's journeys before the answer.</summary>
    Applied,

    /// <summary>Applied before; nothing happened again.</summary>
    Duplicate,

    /// <summary>
    /// Durably queued, to be applied in order with the customer's other touchpoints: by the standalone runtime when
    /// processing failed for now (it retries from its queue), and always by the Azure Functions app, whose HTTP route
    /// forwards to the Service Bus session queue its ingress reads.
    /// </summary>
    Queued,
}
