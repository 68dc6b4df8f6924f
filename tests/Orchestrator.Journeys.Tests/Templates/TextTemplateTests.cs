using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Templates;

// Not '.Templates': a namespace of that name would shadow Orchestrator.Journeys.Templates for
// sibling test folders that write 'Templates.JsonTemplate'.
namespace Orchestrator.Journeys.Tests.TemplateRendering;

public class TextTemplateTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("one { brace")]
    [InlineData("}} closing only")]
    public void TryCompile_NoOpeningBraces_IsValidWithNoTemplate(string text)
    {
        Assert.True(TextTemplate.TryCompile(text, out var template, out var error));
        Assert.Null(template);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("{{event.data.a}}", new[] { "F:event.data.a" })]
    [InlineData("a {{ vars.x }} b", new[] { "T:a ", "F:vars.x", "T: b" })]
    [InlineData("{{vars.x}}{{vars.y}}", new[] { "F:vars.x", "F:vars.y" })]
    [InlineData("x{{customer.id}}", new[] { "T:x", "F:customer.id" })]
    public void TryCompile_Placeholders_SplitsTextAndFieldsInOrder(string text, string[] parts)
    {
        Assert.True(TextTemplate.TryCompile(text, out var template, out _));

        Assert.Equal(parts, template!.Parts.Select(p => p is FieldPath f ? $"F:{f.Text}" : $"T:{p}"));
    }

    [Theory]
    [InlineData("{{event.data.a", "no closing")]
    [InlineData("ok {{vars.a}} then {{broken", "no closing")]
    [InlineData("{{ }}", "empty segment")]
    [InlineData("{{event.colour}}", "event.colour")]
    [InlineData("{{Event.type}}", "Event.type")]
    public void TryCompile_BadPlaceholder_FailsWithAMessageNamingTheProblem(string text, string fragment)
    {
        Assert.False(TextTemplate.TryCompile(text, out var template, out var error));

        Assert.Null(template);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderText_WholePlaceholder_RendersTextNotJson()
    {
        Assert.True(TextTemplate.TryCompile("{{customer.id}}", out var template, out _));
        var scope = new EvaluationScope(null, null, null, "cust-7", "i", "j", 0);

        Assert.Equal("cust-7", template!.RenderText(scope));
    }
}
