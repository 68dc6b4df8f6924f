using Orchestrator.Cli.Diagrams;

namespace Orchestrator.Cli.Tests.Diagrams;

public sealed class MermaidTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("say \"hi\"", "say #quot;hi#quot;")]
    [InlineData("<b>", "#lt;b#gt;")]
    [InlineData("#quot;", "#35;quot;")]
    [InlineData("a|b", "a#124;b")]
    [InlineData("`code`", "#96;code#96;")]
    [InlineData("two\nlines", "two lines")]
    public void Escape_SpecialCharacters_BecomeEntities(string text, string expected)
    {
        Assert.Equal(expected, MermaidText.Escape(text));
    }

    [Fact]
    public void Label_SeveralLines_QuotesAndJoinsWithLineBreaks()
    {
        Assert.Equal("\"first<br/>a #quot;b#quot;\"", MermaidText.Label("first", "a \"b\""));
    }
}
