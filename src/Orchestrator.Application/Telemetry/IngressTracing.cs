using System.Diagnostics;
using Orchestrator.Application.Touchpoints;

namespace Orchestrator.Application.Telemetry;

/// <summary>The <see cref="JourneyTracing.IngressSpan"/> of one touchpoint, whichever ingress took it.</summary>
internal static class IngressTracing
{
    /// <summary>
    /// Starts the span, a child of <paramref name="parent"/> when the touchpoint came with one (from the queue), else
    /// of the current span (the HTTP request's, when the host traces requests); null when nobody listens.
    /// </summary>
    /// <param name="incoming">The validated touchpoint.</param>
    /// <param name="parent">The trace the queued event carried; default for none.</param>
    /// <returns>The span, or null.</returns>
    public static Activity? Start(IncomingTouchpoint incoming, ActivityContext parent = default)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var span = JourneyTracing.Source.StartActivity(JourneyTracing.IngressSpan, ActivityKind.Consumer, parent);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(JourneyTracing.TouchpointId, incoming.Id);
            span.SetTag(JourneyTracing.TouchpointType, incoming.Type);
        }

        return span;
    }

    /// <summary>Marks the span failed; the caller's <c>using</c> ends it.</summary>
    /// <param name="span">The span, or null.</param>
    /// <param name="exception">What went wrong.</param>
    public static void Fail(Activity? span, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }
}
