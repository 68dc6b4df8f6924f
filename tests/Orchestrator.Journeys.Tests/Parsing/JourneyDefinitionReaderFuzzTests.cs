using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Tests.Parsing;

/// <summary>
/// Random mutations of the sample journeys and random step graphs: the reader never throws, and every error
/// points at a value that exists in the document (a missing property is reported at its parent, which exists).
/// </summary>
public sealed class JourneyDefinitionReaderFuzzTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly JsonDocumentOptions DeepDocument = new() { MaxDepth = 256 };

    private static readonly string[] Samples =
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples", "journeys"), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    [Fact]
    public void Read_RandomMutationsOfSamples_NeverThrowsAndEveryPointerExists()
    {
        Assert.NotEmpty(Samples);
        Prop.ForAll(Arb.From(DefinitionMutations.Mutated(Samples)), json => CheckRead(json)).Check(Quick);
    }

    [Fact]
    public void Read_RandomStepGraphs_NeverThrowsAndEveryPointerExists() =>
        Prop.ForAll(Arb.From(DefinitionMutations.StepGraphs(Samples[0])), json => CheckRead(json)).Check(Quick);

    [Theory]
    [InlineData("name")]
    [InlineData("id")]
    [InlineData("start")]
    public void Read_LoneSurrogateEscape_ReportsAnErrorWithoutThrowing(string property)
    {
        // JsonNode cannot write a lone surrogate, so the mutations above never make one; splice it in as text.
        var document = JsonNode.Parse(Samples[0])!.AsObject();
        document[property] = "LONE";
        var json = document.ToJsonString().Replace("LONE", "\\ud800", StringComparison.Ordinal);

        CheckRead(json);
        Assert.NotEmpty(JourneyDefinitionReader.Read(json).Errors);
    }

    private static void CheckRead(string json)
    {
        DefinitionReadResult? result = null;
        var exception = Record.Exception(() => result = JourneyDefinitionReader.Read(json));
        Assert.True(exception is null, $"Read threw {exception}\nfor: {json}");
        Assert.Equal(result!.Errors.Count == 0, result.IsValid);

        using var document = JsonDocument.Parse(json, DeepDocument);
        foreach (var error in result.Errors)
        {
            Assert.True(Exists(document.RootElement, error.Pointer), $"'{error.Pointer}' ({error.Message}) is not in the document: {json}");
        }
    }

    private static bool Exists(JsonElement element, string pointer)
    {
        var node = element;
        foreach (var token in pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.Object when node.TryGetProperty(token, out var child):
                    node = child;
                    break;
                case JsonValueKind.Array when int.TryParse(token, out var index) && index >= 0 && index < node.GetArrayLength():
                    node = node[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
