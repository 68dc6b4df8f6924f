using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Tests.Support;

/// <summary>An offer journey whose <c>optimize</c> step chooses between two offers; the goal is a purchase.</summary>
internal static class OptimizeJourneys
{
    /// <summary>The journey, with the optimize step's extra properties spliced in (such as a holdout).</summary>
    public static JourneyDefinition Offer(string extra = "", string goalExtra = "")
    {
        var json = $$"""
            {
              "id": "offer", "name": "Offer",
              "entry": { "event": "signed-up" },
              "goal": { "event": "purchased"{{goalExtra}} },
              "exit": [ { "event": "lost" } ],
              "start": "pick",
              "steps": {
                "pick":    { "type": "optimize", "arms": [ { "next": "offer-a", "label": "A" }, { "next": "offer-b", "label": "B" } ]{{extra}} },
                "offer-a": { "type": "send", "channel": "email", "action": "offer-a", "next": "wait" },
                "offer-b": { "type": "send", "channel": "email", "action": "offer-b", "next": "wait" },
                "wait":    { "type": "waitFor", "events": [ { "event": "purchased", "next": "done" } ] },
                "done":    { "type": "end", "outcome": "success" }
              }
            }
            """;
        var read = JourneyDefinitionReader.Read(json);
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        return read.Definition;
    }
}
