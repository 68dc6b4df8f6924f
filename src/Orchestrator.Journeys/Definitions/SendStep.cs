using Orchestrator.Journeys.Templates;

namespace Orchestrator.Journeys.Definitions;

/// <summary>Sends a next-best action to a channel app.</summary>
/// <param name="Id">Step id.</param>
/// <param name="Channel">Channel the action is for (email, sms, mobile, web, ivr, contact-center…).</param>
/// <param name="Action">Action name the channel app understands.</param>
/// <param name="Data">Optional payload; strings may hold <c>{{…}}</c> templates.</param>
/// <param name="Next">The step after the send.</param>
public sealed record SendStep(string Id, string Channel, string Action, JsonTemplate? Data, string Next) : JourneyStep(Id)
{
    /// <inheritdoc />
    public override IEnumerable<string> Successors => [Next];

    /// <inheritdoc />
    public override TResult Match<TResult>(IStepCases<TResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.OnSend(this);
    }
}
