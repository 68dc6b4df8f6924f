using System.Diagnostics;

namespace Orchestrator.Application.Telemetry;

/// <summary>
/// The spans a touchpoint leaves: <c>touchpoint ingress</c> (identity resolved, routed), its <c>customer commit</c>
/// (load, decide, one atomic write) and one <c>action dispatch</c> per action sent, all in one trace. A timer's
/// wake-up starts its own trace at <c>timer wake-up</c>. Names and attributes are listed in docs/observability.md.
/// </summary>
/// <remarks>
/// <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null while no listener samples the
/// source (no exporter configured): every caller tags through that null, so tracing costs nothing then.
/// </remarks>
public static class JourneyTracing
{
    /// <summary>The activity source's name, which an OpenTelemetry tracer provider adds with <c>AddSource</c>.</summary>
    public const string SourceName = "Orchestrator";

    /// <summary>Span: a touchpoint taken by an ingress (HTTP, the touchpoints queue, a poison replay, the Durable router).</summary>
    public const string IngressSpan = "touchpoint ingress";

    /// <summary>Span: one input applied to one customer: load, engine, atomic commit.</summary>
    public const string CommitSpan = "customer commit";

    /// <summary>Span: one action handed to the action sink.</summary>
    public const string DispatchSpan = "action dispatch";

    /// <summary>Span: a due timer waking its instance.</summary>
    public const string WakeUpSpan = "timer wake-up";

    /// <summary>Attribute: the touchpoint's CloudEvent id; on every span a touchpoint causes, so a trace broken by a queue is found again by it.</summary>
    public const string TouchpointId = "orchestrator.touchpoint.id";

    /// <summary>Attribute: the touchpoint's CloudEvent type.</summary>
    public const string TouchpointType = "orchestrator.touchpoint.type";

    /// <summary>Attribute: what the commit applied: <c>touchpoint</c>, <c>wakeUp</c>, or an operator's input.</summary>
    public const string InputKind = "orchestrator.input.kind";

    /// <summary>Attribute: the journey id.</summary>
    public const string JourneyId = "orchestrator.journey.id";

    /// <summary>Attribute: the journey version.</summary>
    public const string JourneyVersion = "orchestrator.journey.version";

    /// <summary>Attribute: the instance id.</summary>
    public const string InstanceId = "orchestrator.instance.id";

    /// <summary>Attribute: the step the instance is in after the commit, or the send step of an action.</summary>
    public const string Step = "orchestrator.step";

    /// <summary>Attribute: how many instances a commit changed; each has an <see cref="InstanceEvent"/>.</summary>
    public const string InstanceCount = "orchestrator.instance.count";

    /// <summary>Attribute: how the ingress or the commit ended: <c>applied</c>, <c>duplicate</c>, and for a commit also <c>ignored</c> or <c>nothingDue</c>.</summary>
    public const string Outcome = "orchestrator.outcome";

    /// <summary>Attribute: an action's idempotency key.</summary>
    public const string IdempotencyKey = "orchestrator.action.idempotency_key";

    /// <summary>Attribute: an action's channel.</summary>
    public const string Channel = "orchestrator.action.channel";

    /// <summary>Span event on a commit, one per instance it changed, with the journey, instance and step attributes.</summary>
    public const string InstanceEvent = "instance changed";

    /// <summary>The source every span above comes from.</summary>
    internal static readonly ActivitySource Source = new(SourceName);
}
