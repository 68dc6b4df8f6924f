namespace Orchestrator.Durable.LoadTest;

/// <summary>
/// The journey the tool drives, one touchpoint kind per phase: a start that sends nothing, an advance that sends
/// nothing, an advance that sends one action, and a timer that fires (a short real timeout) and ends the instance.
/// </summary>
internal static class MeasuredJourney
{
    public const string Id = "measured";

    public const string StartEvent = "measure.start";

    public const string AdvanceEvent = "measure.advance";

    public const string ActEvent = "measure.act";

    /// <summary>How long the last wait lasts before its timer fires, in real time.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    public static string Json => $$"""
        { "id": "{{Id}}", "name": "Measured",
          "entry": { "event": "{{StartEvent}}", "reentry": "never" },
          "start": "wait-advance",
          "steps": {
            "wait-advance": { "type": "waitFor", "events": [ { "event": "{{AdvanceEvent}}", "next": "wait-act" } ] },
            "wait-act": { "type": "waitFor", "events": [ { "event": "{{ActEvent}}", "next": "act" } ] },
            "act": { "type": "send", "channel": "test", "action": "acted", "next": "wait-timeout" },
            "wait-timeout": { "type": "waitFor", "events": [ { "event": "measure.never", "next": "done" } ],
                              "timeout": "PT{{(int)Timeout.TotalSeconds}}S", "onTimeout": "done" },
            "done": { "type": "end", "outcome": "neutral" } } }
        """;
}
