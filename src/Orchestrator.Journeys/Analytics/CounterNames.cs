using System.Globalization;

namespace Orchestrator.Journeys.Analytics;

/// <summary>Counter names, as documented in <c>docs/analytics.md</c>.</summary>
public static class CounterNames
{
    /// <summary>Instances started.</summary>
    public const string Started = "started";

    /// <summary>Instances ended, any outcome.</summary>
    public const string Ended = "ended";

    /// <summary>Ended instances that had reached the goal.</summary>
    public const string EndedWithGoal = "ended:goal";

    /// <summary>Ended instances that reached the goal within the speed target.</summary>
    public const string GoalInTime = "ended:goalInTime";

    /// <summary>Histogram of time to goal of ended instances.</summary>
    public const string TimeToGoal = "goalTime";

    /// <summary>Contacts of successful instances, summed.</summary>
    public const string SuccessContacts = "effort:contacts";

    /// <summary>Channel switches of successful instances, summed.</summary>
    public const string SuccessSwitches = "effort:switches";

    /// <summary>Assisted contacts of successful instances, summed.</summary>
    public const string SuccessAssisted = "effort:assisted";

    /// <summary>Ended instances with a survey answer.</summary>
    public const string SurveyAnswers = "survey:answers";

    /// <summary>Their answers summed, in thousandths.</summary>
    public const string SurveyMilli = "survey:sumMilli";

    /// <summary>Instances a migration brought to this version from another; they were counted as started on that one.</summary>
    public const string MigratedIn = "migrated:in";

    /// <summary>Instances a migration took from this version to another, which counts their end.</summary>
    public const string MigratedOut = "migrated:out";

    /// <summary>Step entries.</summary>
    /// <param name="step">The step.</param>
    /// <returns>The counter name.</returns>
    public static string Entered(string step) => $"step:{step}:entered";

    /// <summary>Steps left by an edge.</summary>
    /// <param name="step">The step.</param>
    /// <param name="edge">The edge.</param>
    /// <returns>The counter name.</returns>
    public static string Left(string step, string edge) => $"step:{step}:left:{edge}";

    /// <summary>Instances that ended at a step, by outcome.</summary>
    /// <param name="step">The step.</param>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The counter name.</returns>
    public static string EndedAt(string step, string outcome) => $"step:{step}:ended:{outcome}";

    /// <summary>Waits that timed out at a step.</summary>
    /// <param name="step">The step.</param>
    /// <returns>The counter name.</returns>
    public static string TimedOut(string step) => $"step:{step}:timedOut";

    /// <summary>Time-in-step histogram bucket.</summary>
    /// <param name="step">The step.</param>
    /// <param name="bucket">The bucket.</param>
    /// <returns>The counter name.</returns>
    public static string TimeInStep(string step, int bucket) => string.Create(CultureInfo.InvariantCulture, $"step:{step}:time:{bucket}");

    /// <summary>Instances ended with an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The counter name.</returns>
    public static string EndedAs(string outcome) => $"ended:{outcome}";

    /// <summary>Entries refused, by reason.</summary>
    /// <param name="reason">reentry, cooldown, suppressed or filter.</param>
    /// <returns>The counter name.</returns>
    public static string Refused(string reason) => $"refused:{reason}";

    /// <summary>Actions sent on a channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The counter name.</returns>
    public static string Sent(string channel) => $"sent:{channel}";

    /// <summary>Actions withheld on a channel, by verdict.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="verdict">The verdict.</param>
    /// <returns>The counter name.</returns>
    public static string Withheld(string channel, string verdict) => $"withheld:{channel}:{verdict}";

    /// <summary>
    /// Ended instances assigned an <c>optimize</c> arm whose goal counts as the arm's reward: reached, and within the
    /// step's horizon when it has one.
    /// </summary>
    /// <param name="step">The optimize step.</param>
    /// <param name="label">The arm's label.</param>
    /// <returns>The counter name.</returns>
    public static string ArmReward(string step, string label) => $"reward:{step}:{label}";

    /// <summary>Ended instances that saw a signal.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The counter name.</returns>
    public static string SignalSeen(string signal) => $"signal:{signal}|n";

    /// <summary>Of them, those that succeeded.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The counter name.</returns>
    public static string SignalSucceeded(string signal) => $"signal:{signal}|success";

    /// <summary>Of them, those that reached the goal.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The counter name.</returns>
    public static string SignalGoal(string signal) => $"signal:{signal}|goal";
}
