using System.Diagnostics;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Processing;

namespace Orchestrator.Application.Telemetry;

/// <summary>The <see cref="JourneyTracing.CommitSpan"/> of one customer input: started before the load, ended after the write.</summary>
internal static class CommitTracing
{
    /// <summary>Starts the span, or returns null when nobody listens.</summary>
    public static Activity? Start(string? touchpointId, string kind)
    {
        var span = JourneyTracing.Source.StartActivity(JourneyTracing.CommitSpan);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(JourneyTracing.InputKind, kind);
            if (touchpointId is not null)
            {
                span.SetTag(JourneyTracing.TouchpointId, touchpointId);
            }
        }

        return span;
    }

    /// <summary>Ends the span with what the input did and, when it wrote, the instances it changed.</summary>
    public static void End(Activity? span, ProcessStatus status, CustomerCommit? commit)
    {
        if (span is null)
        {
            return;
        }

        if (span.IsAllDataRequested)
        {
            span.SetTag(JourneyTracing.Outcome, Outcome(status));
            if (commit is not null)
            {
                Describe(span, commit);
            }
        }

        span.Stop();
    }

    /// <summary>Marks the span failed; the caller's <c>using</c> ends it.</summary>
    public static void Fail(Activity? span, Exception exception) =>
        span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);

    // One instance (the common case) is named on the span itself; every changed instance also gets an event, so a
    // commit that moved several is fully described too.
    private static void Describe(Activity span, CustomerCommit commit)
    {
        span.SetTag(JourneyTracing.InstanceCount, commit.Instances.Count);
        if (commit.Instances.Count == 1)
        {
            var state = commit.Instances[0].State;
            span.SetTag(JourneyTracing.JourneyId, state.JourneyId);
            span.SetTag(JourneyTracing.JourneyVersion, state.Version);
            span.SetTag(JourneyTracing.InstanceId, state.InstanceId);
            span.SetTag(JourneyTracing.Step, state.CurrentStep);
        }

        foreach (var instance in commit.Instances)
        {
            var state = instance.State;
            span.AddEvent(new ActivityEvent(JourneyTracing.InstanceEvent, tags: new ActivityTagsCollection
            {
                [JourneyTracing.JourneyId] = state.JourneyId,
                [JourneyTracing.JourneyVersion] = state.Version,
                [JourneyTracing.InstanceId] = state.InstanceId,
                [JourneyTracing.Step] = state.CurrentStep,
            }));
        }
    }

    private static string Outcome(ProcessStatus status) => status switch
    {
        ProcessStatus.Applied => "applied",
        ProcessStatus.Ignored => "ignored",
        ProcessStatus.Duplicate => "duplicate",
        ProcessStatus.NothingDue => "nothingDue",
        _ => status.ToString(),
    };
}
