using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Tests.Parsing;

public sealed class JourneyDefinitionReaderErrorTests
{
    private const string Remind = "/steps/remind";

    public static TheoryData<string, string, string, string> InvalidDocuments => new()
    {
        // Document level.
        { "malformed JSON", """{ "id": "x",, }""", "", "LineNumber: 0 | BytePositionInLine: 12" },
        { "oversize", JourneyJson.With("/description", $"\"{new string('x', JourneyDefinitionReader.MaxBytes)}\""), "", "at most 262144 bytes are allowed" },
        { "not an object", "[]", "", "must be an object, not an array" },
        { "too many steps", JourneyJson.Chain(JourneyDefinitionReader.MaxSteps + 1), "/steps", "has 201 steps; at most 200 are allowed" },

        // Shape: unknown, missing and mistyped properties.
        { "unknown property", JourneyJson.With("/steps/notify/colour", "\"red\""), "/steps/notify/colour", "unknown property 'colour'" },
        { "unknown top-level property", JourneyJson.With("/owner", "\"me\""), "/owner", "unknown property 'owner'" },
        { "missing start", JourneyJson.Without("/start"), "", "missing required property 'start'" },
        { "missing steps", JourneyJson.Without("/steps"), "", "missing required property 'steps'" },
        { "no steps", JourneyJson.With("/steps", "{}"), "/steps", "must have at least one step" },
        { "missing entry event", JourneyJson.Without("/entry/event"), "/entry", "missing required property 'event'" },
        { "missing send channel", JourneyJson.Without("/steps/notify/channel"), "/steps/notify", "missing required property 'channel'" },
        { "wrong type", JourneyJson.With("/priority", "\"high\""), "/priority", "must be an integer, not a string" },
        { "blank name", JourneyJson.With("/name", "\"  \""), "/name", "must not be empty" },
        { "description not a string", JourneyJson.With("/steps/notify/description", "3"), "/steps/notify/description", "must be a string, not a number" },

        // Identifiers and names.
        { "bad journey id", JourneyJson.With("/id", "\"Bill_Payment\""), "/id", "'Bill_Payment' is not a valid journey id" },
        { "bad suppressed journey id", JourneyJson.With("/suppressWhileActive/0", "\"Support Case\""), "/suppressWhileActive/0", "'Support Case' is not a valid journey id" },
        { "bad step id", JourneyJson.Edit(("/steps/a~1b", """{ "type": "end", "outcome": "neutral" }"""), ("/steps/remind/next", "\"a/b\"")), "/steps/a~1b", "'a/b' is not a valid step id" },
        { "bad reentry", JourneyJson.With("/entry/reentry", "\"sometimes\""), "/entry/reentry", "'sometimes' is not one of never, afterExit, always" },
        { "bad outcome", JourneyJson.With("/steps/thanks/outcome", "\"great\""), "/steps/thanks/outcome", "'great' is not one of success, failure, neutral" },
        { "unknown step type", JourneyJson.With("/steps/remind/type", "\"sendd\""), "/steps/remind/type", "unknown step type 'sendd': use send, delay, waitFor, branch, split, optimize, set, end" },

        // Durations.
        { "bad duration", JourneyJson.With("/steps/wait-pay/timeout", "\"3 days\""), "/steps/wait-pay/timeout", "'3 days' is not an ISO 8601 duration" },
        { "months", JourneyJson.With("/maxDuration", "\"P1M\""), "/maxDuration", "years and months have no fixed length; use days (P30D)" },
        { "zero duration", JourneyJson.With("/entry/cooldown", "\"PT0S\""), "/entry/cooldown", "must be longer than zero" },

        // Conditions and templates.
        { "bad operator", JourneyJson.With("/entry/when/op", "\"greater\""), "/entry/when/op", "unknown operator 'greater': use eq, ne" },
        { "bad field path", JourneyJson.With("/entry/when/field", "\"evnt.data.amount\""), "/entry/when/field", "'evnt.data.amount' is not a field path" },
        { "in without array", JourneyJson.With("/entry/when", """{ "field": "event.data.amount", "op": "in", "value": 5 }"""), "/entry/when/value", "'in' needs an array value, not a number" },
        { "missing value", JourneyJson.With("/entry/when", """{ "field": "event.data.amount", "op": "eq" }"""), "/entry/when", "missing required property 'value'" },
        { "mixed condition", JourneyJson.With("/entry/when", """{ "not": { "field": "event.type", "op": "exists" }, "field": "event.type" }"""), "/entry/when", "this one has 'not', 'field'" },
        { "empty condition", JourneyJson.With("/entry/when", "{}"), "/entry/when", "a condition needs 'all', 'any', 'not', or 'field'" },
        { "deep condition", JourneyJson.With("/entry/when", JourneyJson.NestedCondition(JourneyDefinitionReader.MaxConditionDepth + 1)), "/entry/when" + string.Concat(Enumerable.Repeat("/not", 16)), "conditions may nest at most 16 levels deep" },
        { "channel and channels", JourneyJson.With("/steps/notify/channels", "[\"sms\"]"), "/steps/notify", "a send step has 'channel' or 'channels', not both" },
        { "empty channels", JourneyJson.Edit(("/steps/notify/channel", null), ("/steps/notify/channels", "[]")), "/steps/notify/channels", "must not be empty" },
        { "repeated channel", JourneyJson.Edit(("/steps/notify/channel", null), ("/steps/notify/channels", "[\"sms\", \"email\", \"sms\"]")), "/steps/notify/channels/2", "'sms' is listed twice" },
        { "preferred in channels", JourneyJson.Edit(("/steps/notify/channel", null), ("/steps/notify/channels", "[\"preferred\", \"sms\"]")), "/steps/notify/channels/0", "'preferred' is not a channel here" },
        { "preferred without fallback", JourneyJson.With("/steps/notify/channel", "\"preferred\""), "/steps/notify", "\"channel\": \"preferred\" needs 'fallback'" },
        { "fallback without preferred", JourneyJson.With("/steps/notify/fallback", "[\"sms\"]"), "/steps/notify/fallback", "'fallback' goes with \"channel\": \"preferred\" only" },
        { "unknown customer field", JourneyJson.With("/entry/when/field", "\"customer.tier\""), "/entry/when/field", "'customer.tier' is not a customer field: use customer.id, customer.attributes.<name>" },
        { "unknown customer fact", JourneyJson.With("/steps/notify/data/amount", "\"{{customer.facts.mood}}\""), "/steps/notify/data/amount", "'customer.facts.mood' is not a customer fact" },
        { "bad template", JourneyJson.With("/steps/notify/data/amount", "\"{{foo.bar}}\""), "/steps/notify/data/amount", "'foo.bar' is not a field path" },

        // Graph.
        { "unknown step reference", JourneyJson.With("/steps/help/default", "\"nowhere\""), "/steps/help/default", "unknown step 'nowhere'" },
        { "unknown waitFor target", JourneyJson.With("/steps/wait-pay/events/1/next", "\"nowhere\""), "/steps/wait-pay/events/1/next", "unknown step 'nowhere'" },
        { "unknown start", JourneyJson.With("/start", "\"nowhere\""), "/start", "unknown step 'nowhere'" },
        { "unreachable step", JourneyJson.With("/steps/orphan", """{ "type": "end", "outcome": "neutral" }"""), "/steps/orphan", "step 'orphan' is unreachable from start 'notify'" },
        { "spin cycle", JourneyJson.With("/steps/card/next", "\"help\""), "/steps/help", "the loop help → card → help has no delay or waitFor step" },

        // Step rules.
        { "weights sum to zero", JourneyJson.With(Remind, """{ "type": "split", "branches": [ { "weight": 0, "next": "wait-pay" } ] }"""), "/steps/remind/branches", "the weights must add up to more than zero" },
        { "negative weight", JourneyJson.With(Remind, """{ "type": "split", "branches": [ { "weight": -1, "next": "wait-pay" } ] }"""), "/steps/remind/branches/0/weight", "must be zero or more" },
        { "timeout without onTimeout", JourneyJson.Without("/steps/wait-pay/onTimeout"), "/steps/wait-pay", "'timeout' needs 'onTimeout'" },
        { "onTimeout without timeout", JourneyJson.Without("/steps/wait-pay/timeout"), "/steps/wait-pay", "'onTimeout' needs 'timeout'" },
        { "empty waitFor events", JourneyJson.With("/steps/wait-pay/events", "[]"), "/steps/wait-pay/events", "must not be empty" },
        { "delay with two modes", JourneyJson.With(Remind, """{ "type": "delay", "duration": "P1D", "window": "09:00-18:00", "next": "wait-pay" }"""), Remind, "this one has 'duration' and 'window'" },
        { "delay with no mode", JourneyJson.With(Remind, """{ "type": "delay", "next": "wait-pay" }"""), Remind, "a delay needs one of 'duration', 'until' or 'window'" },
        { "bad until", JourneyJson.With(Remind, """{ "type": "delay", "until": "due", "next": "wait-pay" }"""), "/steps/remind/until", "'due' is not a field path" },
        { "window closes first", JourneyJson.With(Remind, """{ "type": "delay", "window": "18:00-09:00", "next": "wait-pay" }"""), "/steps/remind/window", "must open before it closes" },
        { "window badly written", JourneyJson.With(Remind, """{ "type": "delay", "window": "9am-5pm", "next": "wait-pay" }"""), "/steps/remind/window", "use HH:mm-HH:mm" },
        { "unknown day", JourneyJson.With(Remind, """{ "type": "delay", "window": "09:00-18:00", "days": [ "Monday" ], "next": "wait-pay" }"""), "/steps/remind/days/0", "'Monday' is not a day" },
        { "repeated day", JourneyJson.With(Remind, """{ "type": "delay", "window": "09:00-18:00", "days": [ "Mon", "Tue", "Mon" ], "next": "wait-pay" }"""), "/steps/remind/days/2", "'Mon' is listed twice" },
        { "days without window", JourneyJson.With(Remind, """{ "type": "delay", "duration": "P1D", "days": [ "Mon" ], "next": "wait-pay" }"""), "/steps/remind/days", "'days' is only allowed with 'window'" },
        { "bad time zone", JourneyJson.With(Remind, """{ "type": "delay", "window": "09:00-18:00", "timeZone": "Mars/Olympus", "next": "wait-pay" }"""), "/steps/remind/timeZone", "'Mars/Olympus' is not a known time zone" },
        { "bad time zone field", JourneyJson.With(Remind, """{ "type": "delay", "window": "09:00-18:00", "timeZone": "event.zone", "next": "wait-pay" }"""), "/steps/remind/timeZone", "'event.zone' is not a touchpoint field" },
        { "empty vars", JourneyJson.With(Remind, """{ "type": "set", "vars": {}, "next": "wait-pay" }"""), "/steps/remind/vars", "must set at least one variable" },
        { "bad variable name", JourneyJson.With(Remind, """{ "type": "set", "vars": { "2fa": true }, "next": "wait-pay" }"""), "/steps/remind/vars/2fa", "'2fa' is not a valid variable name" },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Read_InvalidDocument_ReportsTheRuleOnceAtItsPointer(string rule, string json, string pointer, string fragment)
    {
        var result = JourneyDefinitionReader.Read(json);

        Assert.Null(result.Definition);
        var matches = result.Errors.Where(e => e.Pointer == pointer && e.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.True(matches.Count() == 1, $"{rule}: expected one error at '{pointer}' containing \"{fragment}\", got: {string.Join(" | ", result.Errors)}");
    }

    [Fact]
    public void Read_OnlyLoopGoesThroughAnEmptyCasesList_ReportsTheEmptyListAndTheSpin()
    {
        var json = JourneyJson.Edit(
            ("/steps/help", """{ "type": "branch", "cases": [], "default": "card" }"""),
            ("/steps/card/next", "\"help\""),
            ("/steps/agent", null));

        var result = JourneyDefinitionReader.Read(json);

        Assert.Null(result.Definition);
        Assert.Equal(
            [
                ("/steps/help", "the loop help → card → help has no delay or waitFor step, so an instance would go round it without ever waiting"),
                ("/steps/help/cases", "must not be empty"),
            ],
            result.Errors.Select(e => (e.Pointer, e.Message)).Order());
    }

    [Fact]
    public void Read_EmptySplitBranches_ReportsTheEmptyListOnly()
    {
        var result = JourneyDefinitionReader.Read(JourneyJson.With(Remind, """{ "type": "split", "branches": [] }"""));

        Assert.Equal([new DefinitionError("/steps/remind/branches", "must not be empty")], result.Errors);
    }
}
