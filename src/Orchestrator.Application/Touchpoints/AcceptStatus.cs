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

    /// <summary>Processing failed for now; the touchpoint is queued and will be retried.</summary>
    Queued,
}
