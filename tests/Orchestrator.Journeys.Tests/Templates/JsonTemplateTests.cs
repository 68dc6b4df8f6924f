using System.Text.Json;
using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Templates;
using Orchestrator.Journeys.Tests.Support;

// Not '.Templates': a namespace of that name would shadow Orchestrator.Journeys.Templates for
// sibling test folders that write 'Templates.JsonTemplate'.
namespace Orchestrator.Journeys.Tests.TemplateRendering;

public class JsonTemplateTests
{
    private static readonly EvaluationScope Scope = new(
        new Touchpoint("evt-1", "payment.failed", "pay-app", "cust-1", new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero), Json.Parse(
            """{"amount":42.50,"name":"Ann \"A\" Lee","flag":true,"obj":{"a":[1,{"b":null}]},"items":[{"sku":"A1"}],"empty":"","nothing":null}""")),
        new Touchpoint("inv-1", "invoice.issued", "billing", "cust-1", new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), Json.Parse("""{"amount":7}""")),
        Json.Parse("""{"tier":"gold","n":3}"""),
        "cust-1",
        "bill-payment:cust-1:inv-1",
        "bill-payment",
        2);

    /// <summary>A string that is exactly one placeholder renders the field's JSON value with its type.</summary>
    [Theory]
    [InlineData("{{event.data.amount}}", "42.50")]
    [InlineData("{{ event.data.amount }}", "42.50")]
    [InlineData("{{trigger.data.amount}}", "7")]
    [InlineData("{{event.data.name}}", "\"Ann \\u0022A\\u0022 Lee\"")]
    [InlineData("{{event.data.flag}}", "true")]
    [InlineData("{{event.data.obj}}", """{"a":[1,{"b":null}]}""")]
    [InlineData("{{event.data.items}}", """[{"sku":"A1"}]""")]
    [InlineData("{{event.data.items.0.sku}}", "\"A1\"")]
    [InlineData("{{event.data.empty}}", "\"\"")]
    [InlineData("{{event.data.missing}}", "null")]
    [InlineData("{{event.data.nothing}}", "null")]
    [InlineData("{{vars.n}}", "3")]
    [InlineData("{{vars.missing}}", "null")]
    [InlineData("{{customer.id}}", "\"cust-1\"")]
    [InlineData("{{instance.id}}", "\"bill-payment:cust-1:inv-1\"")]
    [InlineData("{{journey.id}}", "\"bill-payment\"")]
    [InlineData("{{journey.version}}", "2")]
    [InlineData("{{event.type}}", "\"payment.failed\"")]
    public void Render_WholePlaceholder_KeepsTheJsonType(string text, string expected)
    {
        var rendered = Template.Compile(JsonSerializer.Serialize(text)).Render(Scope);

        Assert.Equal(Json.Compact(expected), Json.Compact(rendered));
    }

    [Fact]
    public void Render_WholePlaceholderOfEventTime_IsTheInstantAsAString()
    {
        var rendered = Template.Compile("\"{{event.time}}\"").Render(Scope);

        Assert.Equal(JsonValueKind.String, rendered.ValueKind);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero), rendered.GetDateTimeOffset());
    }

    /// <summary>Placeholders inside text: strings unquoted, other values as raw JSON, missing as nothing.</summary>
    [Theory]
    [InlineData("Amount: {{event.data.amount}} EUR", "Amount: 42.50 EUR")]
    [InlineData("Hi {{event.data.name}}!", "Hi Ann \"A\" Lee!")]
    [InlineData("x{{event.data.missing}}y", "xy")]
    [InlineData("x{{event.data.nothing}}y", "xy")]
    [InlineData("{{vars.tier}}{{vars.n}}", "gold3")]
    [InlineData(" {{vars.tier}}", " gold")]
    [InlineData("flag={{event.data.flag}}", "flag=true")]
    [InlineData("obj={{event.data.obj}}", """obj={"a":[1,{"b":null}]}""")]
    [InlineData("{{journey.id}} v{{journey.version}} for {{customer.id}}", "bill-payment v2 for cust-1")]
    [InlineData("{{event.data.empty}}|", "|")]
    [InlineData("braces } and { stay", "braces } and { stay")]
    [InlineData("at {{event.time}}", "at 2026-01-01T08:00:00.0000000+00:00")]
    public void Render_PlaceholdersInText_Interpolate(string text, string expected)
    {
        var rendered = Template.Compile(JsonSerializer.Serialize(text)).Render(Scope);

        Assert.Equal(JsonValueKind.String, rendered.ValueKind);
        Assert.Equal(expected, rendered.GetString());
    }

    [Fact]
    public void Render_NestedObjectsAndArrays_RenderEveryPlaceholderAndKeepLiterals()
    {
        var template = Template.Compile("""
            { "a": { "b": [ "{{event.data.amount}}", 1, "x", { "c": "{{vars.tier}}!" } ] }, "d": "k", "e": [ null, false ] }
            """);

        var rendered = template.Render(Scope);

        Assert.IsType<ObjectTemplate>(template);
        Assert.Equal("""{"a":{"b":[42.50,1,"x",{"c":"gold!"}]},"d":"k","e":[null,false]}""", Json.Compact(rendered));
    }

    [Fact]
    public void Compile_NestedTemplate_KeepsConstantSubtreesAsLiterals()
    {
        var template = Assert.IsType<ObjectTemplate>(Template.Compile("""{ "fixed": { "x": [1, 2] }, "live": [ "{{vars.n}}", "plain" ] }"""));

        Assert.Equal(["fixed", "live"], template.Properties.Select(p => p.Key));
        Assert.IsType<LiteralTemplate>(template.Properties[0].Value);
        var live = Assert.IsType<ArrayTemplate>(template.Properties[1].Value);
        Assert.IsType<TextTemplate>(live.Items[0]);
        Assert.IsType<LiteralTemplate>(live.Items[1]);
    }

    [Theory]
    [InlineData("\"plain\"")]
    [InlineData("\"braces } { and }} alone\"")]
    [InlineData("42")]
    [InlineData("-1.5e3")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{ "a": [ 1, "x", { "b": null } ], "c": "}}{" }""")]
    public void Compile_NoPlaceholder_IsAConstantLiteralThatRendersUnchanged(string json)
    {
        var template = Template.Compile(json);

        var literal = Assert.IsType<LiteralTemplate>(template);
        Assert.True(literal.IsConstant);
        Assert.Equal(Json.Compact(json), Json.Compact(template.Render(Scope)));
    }

    [Theory]
    [InlineData("\"{{vars.x}}\"")]
    [InlineData("[\"{{vars.x}}\"]")]
    [InlineData("{\"a\":\"{{vars.x}}\"}")]
    public void Compile_WithPlaceholder_IsNotConstant(string json) =>
        Assert.False(Template.Compile(json).IsConstant);

    /// <summary>Columns: the template JSON, the pointer of the bad value, a fragment of the message.</summary>
    [Theory]
    [InlineData("\"{{event.nope}}\"", "/data", "event.nope")]
    [InlineData("\"Hello {{customer.name}}\"", "/data", "customer.name")]
    [InlineData("\"{{vars.x\"", "/data", "no closing")]
    [InlineData("\"{{}}\"", "/data", "empty segment")]
    [InlineData("""{ "a": { "b": [ 0, "{{event..data}}" ] } }""", "/data/a/b/1", "event..data")]
    [InlineData("""{ "a/b~c": "{{nope.x}}" }""", "/data/a~1b~0c", "nope.x")]
    public void Compile_BadPlaceholder_ReportsTheErrorAtItsPointer(string json, string pointer, string fragment)
    {
        var errors = new List<DefinitionError>();

        JsonTemplate.Compile(Json.Parse(json), "/data", errors);

        var error = Assert.Single(errors);
        Assert.Equal(pointer, error.Pointer);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SeveralBadPlaceholders_ReportsEveryOne()
    {
        var errors = new List<DefinitionError>();

        JsonTemplate.Compile(Json.Parse("""{ "a": "{{x.y}}", "b": [ "{{event.foo}}", "ok {{vars.ok}}" ], "c": "{{open" }"""), "/steps/s/data", errors);

        Assert.Equal(["/steps/s/data/a", "/steps/s/data/b/0", "/steps/s/data/c"], errors.Select(e => e.Pointer));
    }

    /// <summary>The language allows 16 levels of arrays and objects; the values inside the innermost one are not a level.</summary>
    [Theory]
    [InlineData(1, "")]
    [InlineData(15, "")]
    [InlineData(16, "")]
    [InlineData(16, "1")]
    [InlineData(16, "\"{{vars.x}}\"")]
    [InlineData(16, "\"{{vars.x}}\",\"text\",null")]
    public void Compile_NestingUpToMaxDepth_IsAccepted(int levels, string innermost)
    {
        var errors = new List<DefinitionError>();

        JsonTemplate.Compile(Json.Parse(Nested(levels, innermost)), string.Empty, errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void Compile_SixteenLevelsOfObjects_RendersTheInnermostPlaceholder()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 16)) + "\"{{vars.n}}\"" + new string('}', 16);

        var rendered = Template.Compile(json).Render(Scope);

        Assert.Equal(json.Replace("\"{{vars.n}}\"", "3", StringComparison.Ordinal), Json.Compact(rendered));
    }

    [Theory]
    [InlineData(17)]
    [InlineData(40)]
    public void Compile_NestingBeyondMaxDepth_ReportsOneErrorAtTheTooDeepValue(int levels)
    {
        var errors = new List<DefinitionError>();

        JsonTemplate.Compile(Json.Parse(Nested(levels)), "/data", errors);

        var error = Assert.Single(errors);
        Assert.Equal("/data" + string.Concat(Enumerable.Repeat("/0", JsonTemplate.MaxDepth)), error.Pointer);
        Assert.Contains($"{JsonTemplate.MaxDepth}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameTemplateTwice_GivesEqualValues()
    {
        var template = Template.Compile("""{ "a": "{{event.data.obj}}", "b": "n={{vars.n}}" }""");

        Assert.Equal(Json.Compact(template.Render(Scope)), Json.Compact(template.Render(Scope)));
    }

    /// <summary><paramref name="levels"/> arrays nested in one another, the innermost holding <paramref name="innermost"/>.</summary>
    private static string Nested(int levels, string innermost = "") => new string('[', levels) + innermost + new string(']', levels);
}
