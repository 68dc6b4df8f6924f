using System.Text.Json.Serialization;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Application.Rules;

/// <summary>What the send-time rules decided; written in camel case (<c>lostPriority</c>) as the engine's enums are.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SendVerdictKind>))]
public enum SendVerdictKind
{
    /// <summary>Send now.</summary>
    Send,

    /// <summary>Skipped: the customer has an active instance of a journey that suppresses this one.</summary>
    Suppressed,

    /// <summary>Skipped: a frequency cap is reached.</summary>
    Capped,

    /// <summary>Skipped: a higher-priority journey sent on the same channel within the collision window.</summary>
    LostPriority,

    /// <summary>Deferred: quiet hours on the channel; send when they end.</summary>
    Deferred,

    /// <summary>Skipped: the customer opted out of the channel (or, when opt-in is required, has not opted in).</summary>
    NoConsent,
}
