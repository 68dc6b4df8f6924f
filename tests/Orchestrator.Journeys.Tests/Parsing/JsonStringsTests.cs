using System.Text.Json;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Tests.Parsing;

public sealed class JsonStringsTests
{
    [Theory]
    [InlineData("""{"a":"plain","b":["x",{"c":"caf\u00e9 \ud83d\ude00"}],"n":1}""")]
    [InlineData("""{"caf\u00e9":"\"quoted\" \\ back"}""")]
    [InlineData("""[]""")]
    public void FindInvalid_ReadableDocument_FindsNothing(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Null(JsonStrings.FindInvalid(document.RootElement));
    }

    [Theory]
    [InlineData("""{"a":{"b":["ok","\ud800"]}}""", "/a/b/1")]
    [InlineData("""{"a":{"\udc00":"ok"}}""", "/a")]
    [InlineData("""["\ud800x"]""", "/0")]
    public void FindInvalid_LoneSurrogate_PointsAtIt(string json, string pointer)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(pointer, JsonStrings.FindInvalid(document.RootElement));
    }
}
