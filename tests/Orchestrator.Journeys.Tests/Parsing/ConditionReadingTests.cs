using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Tests.Parsing;

public sealed class ConditionReadingTests
{
    [Theory]
    [InlineData("""{ "field": "event.data.tier", "op": "exists" }""", "event.data.tier exists")]
    [InlineData("""{ "field": "event.data.tier", "op": "exists", "value": false }""", "event.data.tier exists false")]
    [InlineData("""{ "field": "event.data.tier", "op": "in", "value": [ "gold", "silver" ] }""", "event.data.tier in [\"gold\",\"silver\"]")]
    [InlineData("""{ "field": "event.data.tier", "op": "notIn", "value": [] }""", "event.data.tier notIn []")]
    [InlineData("""{ "field": "event.time", "op": "lte", "value": "2026-01-01T00:00:00Z" }""", "event.time lte \"2026-01-01T00:00:00Z\"")]
    [InlineData("""{ "field": "event.data.tags", "op": "contains", "value": { "a": 1 } }""", "event.data.tags contains {\"a\":1}")]
    [InlineData("""{ "field": "event.source", "op": "startsWith", "value": "web" }""", "event.source startsWith \"web\"")]
    [InlineData("""{ "field": "vars.score", "op": "ne", "value": null }""", "vars.score ne null")]
    [InlineData("""{ "all": [ { "field": "customer.id", "op": "exists" }, { "not": { "field": "vars.optOut", "op": "eq", "value": true } } ] }""", "all(customer.id exists, not(vars.optOut eq true))")]
    [InlineData("""{ "any": [ { "field": "trigger.type", "op": "eq", "value": "a" } ], "description": "why" }""", "any(trigger.type eq \"a\")")]
    public void Read_ValidCondition_BuildsTheTree(string condition, string described)
    {
        var result = JourneyDefinitionReader.Read(JourneyJson.With("/entry/when", condition));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(described, result.Definition.Entry.When!.Describe());
    }

    [Theory]
    [InlineData("exists", "\"yes\"", "'exists' needs a boolean value, not a string")]
    [InlineData("in", "\"gold\"", "'in' needs an array value, not a string")]
    [InlineData("notIn", "{}", "'notIn' needs an array value, not an object")]
    [InlineData("gt", "true", "'gt' needs a number or a string value, not a boolean")]
    [InlineData("gte", "[]", "'gte' needs a number or a string value, not an array")]
    [InlineData("lt", "null", "'lt' needs a number or a string value, not null")]
    [InlineData("lte", "{}", "'lte' needs a number or a string value, not an object")]
    [InlineData("startsWith", "5", "'startsWith' needs a string value, not a number")]
    public void Read_ValueOfTheWrongKind_IsReportedAtValue(string op, string value, string message)
    {
        var condition = $$"""{ "field": "event.data.x", "op": "{{op}}", "value": {{value}} }""";

        var result = JourneyDefinitionReader.Read(JourneyJson.With("/entry/when", condition));

        Assert.Equal([new DefinitionError("/entry/when/value", message)], result.Errors);
    }

    [Theory]
    [InlineData("eq")]
    [InlineData("ne")]
    [InlineData("contains")]
    public void Read_AnyJsonValue_IsAcceptedWhereTheOperatorTakesAny(string op)
    {
        var condition = $$"""{ "field": "event.data.x", "op": "{{op}}", "value": [ 1, { "a": null } ] }""";

        var result = JourneyDefinitionReader.Read(JourneyJson.With("/entry/when", condition));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Read_ConditionAtMaxDepth_IsAccepted()
    {
        var result = JourneyDefinitionReader.Read(JourneyJson.With("/entry/when", JourneyJson.NestedCondition(JourneyDefinitionReader.MaxConditionDepth)));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(JourneyDefinitionReader.MaxConditionDepth, result.Definition.Entry.When!.Depth);
    }

    [Fact]
    public void Read_ConditionFarTooDeep_IsReportedOnceAtTheFirstLevelTooDeep()
    {
        var result = JourneyDefinitionReader.Read(JourneyJson.With("/entry/when", JourneyJson.NestedCondition(40)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/entry/when" + string.Concat(Enumerable.Repeat("/not", JourneyDefinitionReader.MaxConditionDepth)), error.Pointer);
    }

    [Theory]
    [InlineData("""{ "all": [] }""", "/entry/when/all", "must not be empty")]
    [InlineData("""{ "any": {} }""", "/entry/when/any", "must be an array, not an object")]
    [InlineData("""{ "not": [] }""", "/entry/when/not", "must be an object, not an array")]
    [InlineData("""{ "all": [ 1 ] }""", "/entry/when/all/0", "must be an object, not a number")]
    [InlineData("""{ "field": "event.data.x", "op": "eq", "value": 1, "when": {} }""", "/entry/when/when", "unknown property 'when'")]
    [InlineData("""{ "op": "eq", "value": 1 }""", "/entry/when", "missing required property 'field'")]
    [InlineData("""{ "field": "event.data.x", "value": 1 }""", "/entry/when", "missing required property 'op'")]
    [InlineData("""{ "all": [], "any": [] }""", "/entry/when", "this one has 'all', 'any'")]
    [InlineData("\"event.data.x > 1\"", "/entry/when", "must be an object, not a string")]
    public void Read_MisshapenCondition_IsReported(string condition, string pointer, string fragment)
    {
        var result = JourneyDefinitionReader.Read(JourneyJson.With("/entry/when", condition));

        Assert.Contains(result.Errors, e => e.Pointer == pointer && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ConditionsInEveryPlace_AreRead()
    {
        var leaf = """{ "field": "event.data.ok", "op": "eq", "value": true }""";
        var json = JourneyJson.Edit(("/goal/when", leaf), ("/exit/0/when", leaf), ("/steps/wait-pay/events/0/when", leaf));

        var journey = JourneyDefinitionReader.Read(json).Definition!;

        Assert.IsType<FieldCondition>(journey.Goal!.When);
        Assert.IsType<FieldCondition>(journey.Exit[0].When);
        Assert.IsType<FieldCondition>(((Definitions.WaitForStep)journey.Steps["wait-pay"]).Events[0].When);
    }
}
