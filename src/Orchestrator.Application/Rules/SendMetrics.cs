using System.Diagnostics.Metrics;
using Orchestrator.Application.Customers;

namespace Orchestrator.Application.Rules;

/// <summary>Counts the actions the send-time rules skipped, by reason.</summary>
public static class SendMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Orchestrator.Application";

    /// <summary>The counter's name; tagged <c>reason</c>: <c>suppressed</c>, <c>capped</c>, <c>lostPriority</c> or <c>deferred</c> (a deferral that could not be kept).</summary>
    public const string SkippedCounterName = "orchestrator.actions.skipped";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Skipped = Meter.CreateCounter<long>(SkippedCounterName, "{action}", "Actions the send-time rules skipped");

    /// <summary>Counts the skipped actions of a committed timeline entry; kept deferrals are not skips.</summary>
    /// <param name="withheld">The entry's withheld actions.</param>
    public static void Record(IReadOnlyList<WithheldAction> withheld)
    {
        ArgumentNullException.ThrowIfNull(withheld);
        foreach (var action in withheld)
        {
            if (action.Verdict == SendVerdictKind.Deferred && action.DeferredUntil is not null)
            {
                continue;
            }

            Skipped.Add(1, new KeyValuePair<string, object?>("reason", ReasonTag(action.Verdict)));
        }
    }

    private static string ReasonTag(SendVerdictKind kind) => kind switch
    {
        SendVerdictKind.Suppressed => "suppressed",
        SendVerdictKind.Capped => "capped",
        SendVerdictKind.LostPriority => "lostPriority",
        SendVerdictKind.Deferred => "deferred",
        SendVerdictKind.NoConsent => "noConsent",
        _ => "send",
    };
}
