using System.Text.Json.Nodes;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Tests.Parsing;

/// <summary>Replaces every value of the bill-payment journey with values of every other kind.</summary>
public sealed class JourneyDefinitionReaderRobustnessTests
{
    private static readonly string[] Replacements =
    [
        "null", "true", "0", "-1", "1.5", "1e400", "\"\"", "\" \"", "\"x\"", "\"P1M\"", "\"{{\"", "[]", "[null]", "{}", "{\"x\":1}",
        JourneyJson.NestedCondition(30),
    ];

    [Fact]
    public void Read_AnyValueReplacedByAnyKind_NeverThrowsAndPointsAtTheDocument()
    {
        var pointers = Pointers(JsonNode.Parse(JourneyJson.BillPayment)!, string.Empty).Where(p => p.Length > 0).ToArray();
        Assert.Contains("/steps/help/cases/0/when/value", pointers);

        foreach (var pointer in pointers)
        {
            foreach (var replacement in Replacements)
            {
                var json = JourneyJson.With(pointer, replacement);

                var result = JourneyDefinitionReader.Read(json);

                var document = JsonNode.Parse(json, documentOptions: new() { MaxDepth = 128 })!;
                Assert.All(result.Errors, e => Assert.True(Exists(document, e.Pointer), $"{pointer} = {replacement}: '{e.Pointer}' is not in the document ({e.Message})"));
                Assert.Equal(result.Errors.Count == 0, result.IsValid);
            }
        }
    }

    [Fact]
    public void Read_StepThatCannotBeRead_OnlyReportsItsOwnProblem()
    {
        // wait-pay leads to most steps; without it they would all look unreachable.
        var result = JourneyDefinitionReader.Read(JourneyJson.Without("/steps/wait-pay/events"));

        Assert.Equal([new DefinitionError("/steps/wait-pay", "missing required property 'events'")], result.Errors);
    }

    private static IEnumerable<string> Pointers(JsonNode? node, string pointer)
    {
        yield return pointer;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => (JsonPointer.Append(pointer, p.Key), p.Value)),
            JsonArray array => array.Select((item, i) => (JsonPointer.Append(pointer, i), item)),
            _ => [],
        };
        foreach (var (childPointer, child) in children)
        {
            foreach (var descendant in Pointers(child, childPointer))
            {
                yield return descendant;
            }
        }
    }

    private static bool Exists(JsonNode document, string pointer)
    {
        JsonNode? node = document;
        foreach (var token in pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            switch (node)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var child):
                    node = child;
                    break;
                case JsonArray array when int.TryParse(token, out var index) && index < array.Count:
                    node = array[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
