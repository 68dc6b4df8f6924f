using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Tests.Support;
using static Orchestrator.Journeys.Conditions.ConditionOperator;

namespace Orchestrator.Journeys.Tests.Conditions;

/// <summary>Every operator against every kind of value; see <see cref="ConditionScope.EventData"/> for the data.</summary>
public class FieldConditionTests
{
    [Theory]
    [InlineData("event.data.amount", Eq, "5", true)]
    [InlineData("event.data.amount", Eq, "5.0", true)]
    [InlineData("event.data.float", Eq, "5", true)]
    [InlineData("event.data.amount", Eq, "5e0", true)]
    [InlineData("event.data.big", Eq, "1000", true)]
    [InlineData("event.data.amount", Eq, "6", false)]
    [InlineData("event.data.amount", Ne, "6", true)]
    [InlineData("event.data.amount", Ne, "5.0", false)]
    [InlineData("event.data.amount", Gt, "4", true)]
    [InlineData("event.data.amount", Gt, "4.99", true)]
    [InlineData("event.data.amount", Gt, "5", false)]
    [InlineData("event.data.amount", Gte, "5", true)]
    [InlineData("event.data.amount", Gte, "5.01", false)]
    [InlineData("event.data.amount", Lt, "6", true)]
    [InlineData("event.data.amount", Lt, "5", false)]
    [InlineData("event.data.amount", Lte, "5", true)]
    [InlineData("event.data.amount", Lte, "4", false)]
    [InlineData("event.data.negative", Lt, "0", true)]
    [InlineData("event.data.negative", Gt, "-3", true)]
    public void Evaluate_Numbers_CompareByValueWhateverTheNotation(string path, ConditionOperator op, string value, bool expected) =>
        Assert.Equal(expected, ConditionScope.Evaluate(path, op, value));

    [Theory]
    [InlineData("event.data.text", Eq, "\"Hello\"", true)]
    [InlineData("event.data.text", Eq, "\"hello\"", false)]
    [InlineData("event.data.text", Eq, "\"Hello \"", false)]
    [InlineData("event.data.text", Ne, "\"hello\"", true)]
    [InlineData("event.data.text", Ne, "\"Hello\"", false)]
    [InlineData("event.data.text", Gt, "\"HELLO\"", true)]
    [InlineData("event.data.text", Lt, "\"hello\"", true)]
    [InlineData("event.data.text", Gt, "\"Hello\"", false)]
    [InlineData("event.data.text", Gte, "\"Hello\"", true)]
    [InlineData("event.data.text", Lte, "\"Help\"", true)]
    [InlineData("event.data.empty", Eq, "\"\"", true)]
    [InlineData("event.data.empty", Lt, "\"a\"", true)]
    [InlineData("event.data.braces", Eq, "\"{{vars.tier}}\"", true)]
    [InlineData("event.data.text", Eq, "\"{{event.data.text}}\"", false)]
    public void Evaluate_Strings_CompareOrdinallyAndCaseSensitively(string path, ConditionOperator op, string value, bool expected) =>
        Assert.Equal(expected, ConditionScope.Evaluate(path, op, value));

    [Theory]
    [InlineData("event.data.five", Eq, "5", false)]
    [InlineData("event.data.amount", Eq, "\"5\"", false)]
    [InlineData("event.data.five", Ne, "5", true)]
    [InlineData("event.data.amount", Ne, "\"5\"", true)]
    [InlineData("event.data.five", Gt, "4", false)]
    [InlineData("event.data.five", Lt, "6", false)]
    [InlineData("event.data.amount", Gte, "\"4\"", false)]
    [InlineData("event.data.amount", Lte, "\"6\"", false)]
    [InlineData("event.data.yes", Eq, "1", false)]
    [InlineData("event.data.yes", Eq, "\"true\"", false)]
    [InlineData("event.data.no", Eq, "0", false)]
    [InlineData("event.data.empty", Eq, "false", false)]
    [InlineData("event.data.tags", Eq, "\"vip\"", false)]
    [InlineData("event.data.obj", Eq, "[]", false)]
    [InlineData("event.data.none", Eq, "{}", false)]
    public void Evaluate_DifferentKinds_AreNeverEqualOrOrdered(string path, ConditionOperator op, string value, bool expected) =>
        Assert.Equal(expected, ConditionScope.Evaluate(path, op, value));

    [Theory]
    [InlineData(Eq, "1", false)]
    [InlineData(Eq, "null", false)]
    [InlineData(Ne, "1", true)]
    [InlineData(Gt, "0", false)]
    [InlineData(Gte, "0", false)]
    [InlineData(Lt, "0", false)]
    [InlineData(Lte, "0", false)]
    [InlineData(In, "[1, null, \"x\"]", false)]
    [InlineData(NotIn, "[1, \"x\"]", true)]
    [InlineData(Contains, "\"x\"", false)]
    [InlineData(StartsWith, "\"\"", false)]
    [InlineData(Exists, null, false)]
    [InlineData(Exists, "true", false)]
    [InlineData(Exists, "false", true)]
    public void Evaluate_MissingOrNullField_FollowsTheMissingRules(ConditionOperator op, string? value, bool expected)
    {
        foreach (var path in new[] { "event.data.absent", "event.data.nothing", "event.data.items.5.sku", "event.data.text.length", "vars.absent" })
        {
            Assert.True(expected == ConditionScope.Evaluate(path, op, value), $"{path} {op} {value} should be {expected}");
        }
    }

    [Theory]
    [InlineData("event.data.text", Exists, null, true)]
    [InlineData("event.data.text", Exists, "true", true)]
    [InlineData("event.data.text", Exists, "false", false)]
    [InlineData("event.data.empty", Exists, null, true)]
    [InlineData("event.data.no", Exists, null, true)]
    [InlineData("event.data.none", Exists, null, true)]
    [InlineData("event.data.amount", Exists, "\"yes\"", true)]
    public void Evaluate_Exists_IsTrueForAnyPresentNonNullValue(string path, ConditionOperator op, string? value, bool expected) =>
        Assert.Equal(expected, ConditionScope.Evaluate(path, op, value));

    [Theory]
    [InlineData("event.data.yes", Eq, "true", true)]
    [InlineData("event.data.yes", Eq, "false", false)]
    [InlineData("event.data.no", Eq, "false", true)]
    [InlineData("event.data.yes", Ne, "false", true)]
    [InlineData("event.data.yes", Ne, "true", false)]
    [InlineData("event.data.yes", Gt, "false", false)]
    [InlineData("event.data.yes", Gte, "true", false)]
    [InlineData("event.data.no", Lt, "true", false)]
    [InlineData("event.data.no", Lte, "false", false)]
    [InlineData("event.data.yes", In, "[false, true]", true)]
    [InlineData("event.data.yes", NotIn, "[false]", true)]
    public void Evaluate_Booleans_SupportOnlyEqualityOperators(string path, ConditionOperator op, string value, bool expected) =>
        Assert.Equal(expected, ConditionScope.Evaluate(path, op, value));

    [Theory]
    [InlineData("event.data.paris", Eq, "\"2026-01-01T08:00:00Z\"", true)]
    [InlineData("event.data.paris", Eq, "\"2026-01-01T09:00:00+01:00\"", true)]
    [InlineData("event.data.paris", Ne, "\"2026-01-01T08:00:00Z\"", false)]
    [InlineData("event.data.paris", Eq, "\"2026-01-01T08:00:01Z\"", false)]
    [InlineData("event.data.paris", In, "[\"2025-01-01T00:00:00Z\", \"2026-01-01T08:00:00Z\"]", true)]
    [InlineData("event.data.paris", NotIn, "[\"2026-01-01T08:00:00Z\"]", false)]
    [InlineData("event.data.paris", Gte, "\"2026-01-01T08:00:00Z\"", true)]
    [InlineData("event.data.paris", Lte, "\"2026-01-01T08:00:00Z\"", true)]
    [InlineData("event.data.paris", Gt, "\"2026-01-01T09:00:00Z\"", false)]
    [InlineData("event.data.paris", Gt, "\"2026-01-01T07:59:59Z\"", true)]
    [InlineData("event.data.paris", Lt, "\"2026-01-01T08:00:01Z\"", true)]
    [InlineData("event.data.day", Lt, "\"2026-01-01T00:00:01Z\"", true)]
    [InlineData("event.data.day", Eq, "\"2026-01-01T00:00:00Z\"", true)]
    [InlineData("event.data.day", Gt, "\"2025-12-31T23:59:59Z\"", true)]
    [InlineData("event.data.notADate", Gt, "\"2026-01-01T00:00:00Z\"", true)]
    [InlineData("event.data.notADate", Eq, "\"2026-13-45T99:00:00Z\"", true)]
    public void Evaluate_DateStrings_CompareAsInstants(string path, ConditionOperator op, string value, bool expected) =>
        Assert.Equal(expected, ConditionScope.Evaluate(path, op, value));

    /// <summary>The event happened at 2026-01-01T08:00:00Z.</summary>
    [Theory]
    [InlineData(Eq, "\"2026-01-01T08:00:00Z\"", true)]
    [InlineData(Eq, "\"2026-01-01T09:00:00+01:00\"", true)]
    [InlineData(Ne, "\"2026-01-01T09:00:00+01:00\"", false)]
    [InlineData(Gt, "\"2025-12-31\"", true)]
    [InlineData(Gte, "\"2026-01-01T08:00:00Z\"", true)]
    [InlineData(Lt, "\"2026-01-01T08:00:00Z\"", false)]
    [InlineData(Lt, "\"2026-01-02\"", true)]
    [InlineData(In, "[\"2026-01-01T08:00:00+00:00\"]", true)]
    [InlineData(Eq, "\"yesterday\"", false)]
    [InlineData(Gt, "0", false)]
    [InlineData(Eq, "1767254400", false)]
    [InlineData(Exists, null, true)]
    public void Evaluate_EventTime_ComparesWithDateStringsAsAnInstant(ConditionOperator op, string? value, bool expected) =>
        Assert.Equal(expected, ConditionScope.Evaluate("event.time", op, value));

    [Theory]
    [InlineData("event.data.obj", Eq, """{"b":[1,2],"a":1}""", true)]
    [InlineData("event.data.obj", Eq, """{"a":1.0,"b":[1,2]}""", true)]
    [InlineData("event.data.obj", Eq, """{"a":1}""", false)]
    [InlineData("event.data.obj", Ne, """{"a":1}""", true)]
    [InlineData("event.data.obj.b", Eq, "[1,2]", true)]
    [InlineData("event.data.obj.b", Eq, "[2,1]", false)]
    [InlineData("event.data.obj.b", Eq, "[1,2,2]", false)]
    [InlineData("event.data.items", Eq, """[{"qty":2,"sku":"A1"},{"sku":"B2"}]""", true)]
    [InlineData("event.data.none", Eq, "[]", true)]
    [InlineData("event.data.obj", Gt, "{}", false)]
    [InlineData("event.data.tags", Lt, "[\"z\"]", false)]
    public void Evaluate_ArraysAndObjects_CompareDeeply(string path, ConditionOperator op, string value, bool expected) =>
        Assert.Equal(expected, ConditionScope.Evaluate(path, op, value));

    [Theory]
    [InlineData("event.data.tags", Contains, "\"vip\"", true)]
    [InlineData("event.data.tags", Contains, "\"VIP\"", false)]
    [InlineData("event.data.tags", Contains, "\"vi\"", false)]
    [InlineData("event.data.numbers", Contains, "2", true)]
    [InlineData("event.data.numbers", Contains, "\"2\"", false)]
    [InlineData("event.data.items", Contains, """{"sku":"B2"}""", true)]
    [InlineData("event.data.items", Contains, """{"sku":"A1"}""", false)]
    [InlineData("event.data.none", Contains, "1", false)]
    [InlineData("event.data.text", Contains, "\"ell\"", true)]
    [InlineData("event.data.text", Contains, "\"ELL\"", false)]
    [InlineData("event.data.text", Contains, "\"\"", true)]
    [InlineData("event.data.amount", Contains, "5", false)]
    [InlineData("event.data.obj", Contains, "1", false)]
    [InlineData("event.data.text", StartsWith, "\"He\"", true)]
    [InlineData("event.data.text", StartsWith, "\"he\"", false)]
    [InlineData("event.data.text", StartsWith, "\"llo\"", false)]
    [InlineData("event.data.five", StartsWith, "5", false)]
    [InlineData("event.data.amount", StartsWith, "\"5\"", false)]
    [InlineData("event.data.tags", StartsWith, "\"vip\"", false)]
    public void Evaluate_ContainsAndStartsWith_WorkOnStringsAndArrays(string path, ConditionOperator op, string value, bool expected) =>
        Assert.Equal(expected, ConditionScope.Evaluate(path, op, value));

    [Theory]
    [InlineData("event.data.amount", In, "[1, 5]", true)]
    [InlineData("event.data.amount", In, "[1, 5.0]", true)]
    [InlineData("event.data.amount", In, "[1, \"5\"]", false)]
    [InlineData("event.data.amount", In, "[]", false)]
    [InlineData("event.data.text", In, "[\"x\", \"Hello\"]", true)]
    [InlineData("event.data.text", In, "[\"hello\"]", false)]
    [InlineData("event.data.obj.b", In, "[[1,2], [3]]", true)]
    [InlineData("event.data.amount", NotIn, "[1, 2]", true)]
    [InlineData("event.data.amount", NotIn, "[5]", false)]
    [InlineData("event.data.amount", NotIn, "[]", true)]
    [InlineData("event.data.five", NotIn, "[5]", true)]
    [InlineData("event.data.amount", In, "5", false)]
    public void Evaluate_InAndNotIn_TestMembershipWithEqualityRules(string path, ConditionOperator op, string value, bool expected) =>
        Assert.Equal(expected, ConditionScope.Evaluate(path, op, value));

    [Theory]
    [InlineData("event.data.items.0.sku", Eq, "\"A1\"", true)]
    [InlineData("event.data.items.1.sku", Eq, "\"B2\"", true)]
    [InlineData("event.data.items.0.qty", Gt, "1", true)]
    [InlineData("event.data.items.1.qty", Exists, null, false)]
    [InlineData("event.data.items.2.sku", Exists, null, false)]
    [InlineData("event.data.items.-1.sku", Exists, null, false)]
    [InlineData("event.data.items.first.sku", Exists, null, false)]
    [InlineData("event.data.tags.0", Eq, "\"vip\"", true)]
    [InlineData("event.data.obj.b.1", Eq, "2", true)]
    [InlineData("event.data.amount.0", Exists, null, false)]
    public void Evaluate_PathsIntoArrays_ReadElementsByIndex(string path, ConditionOperator op, string? value, bool expected) =>
        Assert.Equal(expected, ConditionScope.Evaluate(path, op, value));

    [Theory]
    [InlineData("event.id", Eq, "\"evt-9\"", true)]
    [InlineData("event.type", Eq, "\"payment.failed\"", true)]
    [InlineData("event.type", StartsWith, "\"payment.\"", true)]
    [InlineData("event.source", Eq, "\"pay-app\"", true)]
    [InlineData("event.subject", Eq, "\"cust-1\"", true)]
    [InlineData("trigger.type", Eq, "\"invoice.issued\"", true)]
    [InlineData("trigger.data.amount", Eq, "42", true)]
    [InlineData("trigger.time", Lt, "\"2026-01-01T00:00:00Z\"", true)]
    [InlineData("vars.tier", Eq, "\"gold\"", true)]
    [InlineData("vars.n", Gte, "3", true)]
    [InlineData("customer.id", Eq, "\"cust-1\"", true)]
    [InlineData("customer.id", Eq, "\"cust-2\"", false)]
    [InlineData("instance.id", StartsWith, "\"bill-payment:\"", true)]
    [InlineData("journey.id", Eq, "\"bill-payment\"", true)]
    [InlineData("journey.version", Eq, "3", true)]
    [InlineData("journey.version", Eq, "\"3\"", false)]
    [InlineData("journey.version", Gt, "2", true)]
    public void Evaluate_Attributes_ResolveFromTheScope(string path, ConditionOperator op, string value, bool expected) =>
        Assert.Equal(expected, ConditionScope.Evaluate(path, op, value));

    [Fact]
    public void Evaluate_ScopeWithoutEventTriggerOrVars_TreatsTheirFieldsAsMissing()
    {
        var scope = new EvaluationScope(null, null, null, "cust-1", "i", "j", 0);

        Assert.False(Cond.Field("event.type", Exists).Evaluate(scope));
        Assert.False(Cond.Field("trigger.data.amount", Exists).Evaluate(scope));
        Assert.False(Cond.Field("vars.x", Exists).Evaluate(scope));
        Assert.True(Cond.Field("event.data.x", Ne, "1").Evaluate(scope));
    }

    [Fact]
    public void Evaluate_WithObserved_RecordsEachFieldReadAsRawJson()
    {
        var observed = new Dictionary<string, string>();

        Cond.Field("event.data.obj", Exists).Evaluate(ConditionScope.Scope, observed);
        Cond.Field("event.data.absent", Eq, "1").Evaluate(ConditionScope.Scope, observed);
        Cond.Field("event.data.big", Gt, "1").Evaluate(ConditionScope.Scope, observed);
        Cond.Field("event.time", Exists).Evaluate(ConditionScope.Scope, observed);
        Cond.Field("customer.id", Exists).Evaluate(ConditionScope.Scope, observed);
        Cond.Field("journey.version", Exists).Evaluate(ConditionScope.Scope, observed);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["event.data.obj"] = """{ "a": 1, "b": [ 1, 2 ] }""",
                ["event.data.absent"] = "null",
                ["event.data.big"] = "1e3",
                ["customer.id"] = "\"cust-1\"",
                ["journey.version"] = "3",
            },
            observed.Where(o => o.Key != "event.time").ToDictionary());
        Assert.Equal("2026-01-01T08:00:00.0000000+00:00", Json.Parse(observed["event.time"]).GetString());
    }

    [Fact]
    public void Evaluate_ConditionCopiedWithANewValue_ComparesWithTheNewValue()
    {
        var original = Cond.Field("event.data.amount", Eq, "4");

        var copy = original with { Value = Json.Parse("5") };

        Assert.False(original.Evaluate(ConditionScope.Scope));
        Assert.True(copy.Evaluate(ConditionScope.Scope));
    }

    [Fact]
    public void Evaluate_HugeNumberInTheData_DoesNotThrow()
    {
        var scope = ConditionScope.Scope with
        {
            Event = ConditionScope.Event with { Data = Json.Parse("""{"amount":1e400}""") },
        };

        var exception = Record.Exception(() => Cond.Field("event.data.amount", Gt, "0").Evaluate(scope));

        Assert.Null(exception);
    }
}
