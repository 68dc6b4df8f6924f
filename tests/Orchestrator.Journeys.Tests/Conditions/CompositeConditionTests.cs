using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Tests.Support;
using static Orchestrator.Journeys.Conditions.ConditionOperator;

namespace Orchestrator.Journeys.Tests.Conditions;

public class CompositeConditionTests
{
    private static readonly Condition True = Cond.Field("event.data.amount", Eq, "5");
    private static readonly Condition False = Cond.Field("event.data.amount", Eq, "6");

    public static TheoryData<string, Condition, bool> Table => new()
    {
        { "all()", Cond.All(), true },
        { "any()", Cond.Any(), false },
        { "all(T)", Cond.All(True), true },
        { "all(T, T)", Cond.All(True, True), true },
        { "all(T, F)", Cond.All(True, False), false },
        { "all(F, T)", Cond.All(False, True), false },
        { "any(F)", Cond.Any(False), false },
        { "any(F, T)", Cond.Any(False, True), true },
        { "any(T, F)", Cond.Any(True, False), true },
        { "not(T)", Cond.Not(True), false },
        { "not(F)", Cond.Not(False), true },
        { "not(not(T))", Cond.Not(Cond.Not(True)), true },
        { "not(all())", Cond.Not(Cond.All()), false },
        { "not(any())", Cond.Not(Cond.Any()), true },
        { "any(all(T, F), not(F))", Cond.Any(Cond.All(True, False), Cond.Not(False)), true },
        { "all(any(F, F), T)", Cond.All(Cond.Any(False, False), True), false },
        { "not(missing exists)", Cond.Not(Cond.Field("event.data.absent", Exists)), true },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Evaluate_Composites_FollowBooleanLogic(string name, Condition condition, bool expected) =>
        Assert.True(expected == condition.Evaluate(ConditionScope.Scope), name);

    [Fact]
    public void Evaluate_All_StopsAtTheFirstFalseCondition()
    {
        var observed = new Dictionary<string, string>();

        Cond.All(Cond.Field("event.data.text", Eq, "\"x\""), Cond.Field("event.data.amount", Exists)).Evaluate(ConditionScope.Scope, observed);

        Assert.Equal(["event.data.text"], observed.Keys);
    }

    [Fact]
    public void Evaluate_Any_StopsAtTheFirstTrueCondition()
    {
        var observed = new Dictionary<string, string>();

        Cond.Any(Cond.Field("event.data.text", Exists), Cond.Field("event.data.amount", Exists)).Evaluate(ConditionScope.Scope, observed);

        Assert.Equal(["event.data.text"], observed.Keys);
    }

    [Fact]
    public void Evaluate_Not_RecordsTheInnerFields()
    {
        var observed = new Dictionary<string, string>();

        Cond.Not(Cond.Field("vars.tier", Eq, "\"gold\"")).Evaluate(ConditionScope.Scope, observed);

        Assert.Equal(new Dictionary<string, string> { ["vars.tier"] = "\"gold\"" }, observed);
    }

    public static TheoryData<Condition, int> Depths => new()
    {
        { True, 1 },
        { Cond.Not(True), 2 },
        { Cond.All(), 1 },
        { Cond.Any(), 1 },
        { Cond.All(True, Cond.Not(True)), 3 },
        { Cond.Any(Cond.All(Cond.Not(Cond.Not(True))), True), 5 },
    };

    [Theory]
    [MemberData(nameof(Depths))]
    public void Depth_CountsNestingLevelsWithALeafAsOne(Condition condition, int depth) =>
        Assert.Equal(depth, condition.Depth);

    public static TheoryData<Condition, string> Descriptions => new()
    {
        { Cond.Field("event.data.amount", Gt, "0"), "event.data.amount gt 0" },
        { Cond.Field("event.data.reason", Eq, "\"card-expired\""), "event.data.reason eq \"card-expired\"" },
        { Cond.Field("vars.x", Exists), "vars.x exists" },
        { Cond.Field("vars.x", Exists, "false"), "vars.x exists false" },
        { Cond.Field("event.type", NotIn, """["a","b"]"""), "event.type notIn [\"a\",\"b\"]" },
        { Cond.Field("event.data.code", StartsWith, "\"A\""), "event.data.code startsWith \"A\"" },
        { Cond.Field("event.data.tags", Contains, """{"k":1}"""), "event.data.tags contains {\"k\":1}" },
        { Cond.All(Cond.Field("vars.b", Eq, "1")), "all(vars.b eq 1)" },
        {
            Cond.All(Cond.Field("vars.a", Eq, "1"), Cond.Any(Cond.Field("vars.b", Exists), Cond.Not(Cond.Field("vars.c", Ne, "\"x\"")))),
            "all(vars.a eq 1, any(vars.b exists, not(vars.c ne \"x\")))"
        },
        { Cond.Any(), "any()" },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Describe_WritesTheConditionCompactly(Condition condition, string expected) =>
        Assert.Equal(expected, condition.Describe());

    [Fact]
    public void OperatorName_EveryOperator_RoundTripsThroughTryParseOperator()
    {
        foreach (var op in Enum.GetValues<ConditionOperator>())
        {
            Assert.True(FieldCondition.TryParseOperator(FieldCondition.OperatorName(op), out var parsed));
            Assert.Equal(op, parsed);
        }
    }

    [Theory]
    [InlineData(Eq, "eq")]
    [InlineData(Ne, "ne")]
    [InlineData(Gt, "gt")]
    [InlineData(Gte, "gte")]
    [InlineData(Lt, "lt")]
    [InlineData(Lte, "lte")]
    [InlineData(In, "in")]
    [InlineData(NotIn, "notIn")]
    [InlineData(Contains, "contains")]
    [InlineData(StartsWith, "startsWith")]
    [InlineData(Exists, "exists")]
    public void OperatorName_IsTheCamelCaseLanguageName(ConditionOperator op, string name) =>
        Assert.Equal(name, FieldCondition.OperatorName(op));

    [Theory]
    [InlineData("EQ")]
    [InlineData("notin")]
    [InlineData("equals")]
    [InlineData("")]
    [InlineData(" eq")]
    public void TryParseOperator_UnknownName_IsRejected(string name) =>
        Assert.False(FieldCondition.TryParseOperator(name, out _));
}
