using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Application.Touchpoints;

namespace Orchestrator.Application.Tests.Touchpoints;

public sealed class CloudEventReaderTests
{
    private const int MaxBytes = 64 * 1024;

    private const string Valid = """
        {"specversion":"1.0","id":"evt-1","source":"web-app","type":"cart.abandoned","subject":"cust-1","time":"2025-03-03T10:59:00.5+02:00","tenant":"t1","data":{"total":42.5}}
        """;

    [Theory]
    [InlineData("subject", "\\ud800", "subject")]
    [InlineData("type", "x\\udc00", "type")]
    [InlineData("data", "{\"note\":\"\\ud800\"}", "data/note")]
    public void ReadStructured_LoneSurrogateEscape_OneProblemNamingIt(string attribute, string value, string expected)
    {
        var json = JsonNode.Parse(Valid)!.AsObject();
        json[attribute] = "PLACEHOLDER";
        var text = json.ToJsonString().Replace(attribute == "data" ? "\"PLACEHOLDER\"" : "PLACEHOLDER", value, StringComparison.Ordinal);

        var result = CloudEventReader.ReadStructured(Encoding.UTF8.GetBytes(text), MaxBytes);

        Assert.Equal([expected], result.Problems.Select(p => p.Attribute));
    }

    [Fact]
    public void ReadStructured_ValidEvent_ReturnsTouchpointWithEveryAttribute()
    {
        var result = CloudEventReader.ReadStructured(Json.Utf8(Valid.Trim()), MaxBytes);

        Assert.True(result.IsValid);
        var touchpoint = Assert.Single(result.Touchpoints);
        Assert.Equal(("evt-1", "cart.abandoned", "web-app", "cust-1"), (touchpoint.Id, touchpoint.Type, touchpoint.Source, touchpoint.Subject));
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 8, 59, 0, 500, TimeSpan.Zero), touchpoint.Time);
        Assert.Equal(TimeSpan.Zero, touchpoint.Time!.Value.Offset);
        Assert.Equal(42.5, touchpoint.Data!.Value.GetProperty("total").GetDouble());
        Assert.Equal(Valid.Trim(), touchpoint.StructuredJson);
    }

    [Theory]
    [InlineData("datacontenttype", "\"application/json\"")]
    [InlineData("datacontenttype", "\"application/json; charset=utf-8\"")]
    [InlineData("datacontenttype", "\"application/vnd.acme.order+json\"")]
    [InlineData("data", "null")]
    [InlineData("data", null)]
    [InlineData("time", null)]
    [InlineData("dataschema", "\"https://schemas.example.com/cart\"")]
    [InlineData("partitionkey", "\"cust-1\"")]
    [InlineData("abcdefghij0123456789", "\"twenty chars is the limit\"")]
    public void ReadStructured_AcceptedVariation_Valid(string attribute, string? valueJson)
    {
        var result = CloudEventReader.ReadStructured(With(attribute, valueJson), MaxBytes);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Single(result.Touchpoints);
    }

    [Theory]
    [InlineData("id", null)]
    [InlineData("id", "\"\"")]
    [InlineData("id", "\"   \"")]
    [InlineData("id", "42")]
    [InlineData("source", null)]
    [InlineData("source", "\"\"")]
    [InlineData("type", null)]
    [InlineData("type", "\"\"")]
    [InlineData("type", "null")]
    [InlineData("subject", null)]
    [InlineData("subject", "\"\"")]
    [InlineData("specversion", null)]
    [InlineData("specversion", "\"0.3\"")]
    [InlineData("specversion", "1.0")]
    [InlineData("time", "\"yesterday\"")]
    [InlineData("time", "1741000000")]
    [InlineData("time", "\"2026-03-02\"")]
    [InlineData("time", "\"2026-03-02T08:00:00\"")]
    [InlineData("time", "\"03/02/2026 08:00:00 +00:00\"")]
    [InlineData("data", "\"a string\"")]
    [InlineData("data", "[1, 2]")]
    [InlineData("data", "42")]
    [InlineData("data_base64", "\"aGVsbG8=\"")]
    [InlineData("datacontenttype", "\"text/plain\"")]
    [InlineData("datacontenttype", "\"application/xml\"")]
    [InlineData("datacontenttype", "7")]
    [InlineData("Tenant", "\"t1\"")]
    [InlineData("tenant-id", "\"t1\"")]
    [InlineData("tenant_id", "\"t1\"")]
    [InlineData("abcdefghij0123456789x", "\"21 chars\"")]
    public void ReadStructured_BadAttribute_OneProblemNamingIt(string attribute, string? valueJson)
    {
        var result = CloudEventReader.ReadStructured(With(attribute, valueJson), MaxBytes);

        Assert.False(result.IsValid);
        Assert.Empty(result.Touchpoints);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(attribute, problem.Attribute);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public void ReadStructured_SeveralBadAttributes_ReportsEveryOne()
    {
        var result = CloudEventReader.ReadStructured(Json.Utf8("""{ "specversion": "1.0", "source": "", "time": "soon" }"""), MaxBytes);

        Assert.Equal(["id", "source", "type", "subject", "time"], result.Problems.Select(p => p.Attribute));
    }

    [Theory]
    [InlineData("{ \"id\": ")]
    [InlineData("not json")]
    [InlineData("")]
    public void ReadStructured_NotJson_ProblemForWholeEvent(string body)
    {
        var result = CloudEventReader.ReadStructured(Json.Utf8(body), MaxBytes);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(string.Empty, problem.Attribute);
        Assert.StartsWith("the body is not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"event\"")]
    [InlineData("null")]
    public void ReadStructured_NotAnObject_ProblemForWholeEvent(string body)
    {
        var result = CloudEventReader.ReadStructured(Json.Utf8(body), MaxBytes);

        Assert.Equal(new TouchpointProblem(string.Empty, "a CloudEvent is a JSON object"), Assert.Single(result.Problems));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    public void ReadStructured_SizeAgainstMaxTouchpointBytes_RejectedOnlyAbove(int slack, bool valid)
    {
        var body = Json.Utf8(Valid.Trim());

        var result = CloudEventReader.ReadStructured(body, body.Length + slack);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            var problem = Assert.Single(result.Problems);
            Assert.Equal(string.Empty, problem.Attribute);
            Assert.Contains($"{body.Length} bytes", problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadStructured_DefaultMaxTouchpointBytes_RejectsLargerEvent()
    {
        var options = new ApplicationOptions();
        var padding = new string('x', options.MaxTouchpointBytes);
        var body = With("data", $$"""{ "padding": "{{padding}}" }""");

        Assert.False(CloudEventReader.ReadStructured(body, options.MaxTouchpointBytes).IsValid);
    }

    [Fact]
    public void ReadBatch_ValidEvents_ReturnsTouchpointsInOrder()
    {
        var result = CloudEventReader.ReadBatch(Batch(Event("a"), Event("b"), Event("c")), MaxBytes, 100);

        Assert.True(result.IsValid);
        Assert.Equal(["a", "b", "c"], result.Touchpoints.Select(t => t.Id));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void ReadBatch_EventCount_AcceptsOneToMax(int count, bool valid)
    {
        var result = CloudEventReader.ReadBatch(Batch([.. Enumerable.Range(0, count).Select(i => Event($"e{i}"))]), MaxBytes, 100);

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid ? count : 0, result.Touchpoints.Count);
        if (!valid)
        {
            var problem = Assert.Single(result.Problems);
            Assert.Equal((string.Empty, $"a batch holds 1 to 100 events; this one holds {count}"), (problem.Attribute, problem.Message));
        }
    }

    [Theory]
    [InlineData("type", null, "/1/type")]
    [InlineData("subject", "\"\"", "/1/subject")]
    [InlineData("data", "\"text\"", "/1/data")]
    [InlineData("time", "\"later\"", "/1/time")]
    [InlineData("Bad", "\"x\"", "/1/Bad")]
    [InlineData("specversion", "\"0.3\"", "/1/specversion")]
    public void ReadBatch_OneBadEvent_ProblemPointsIntoArrayAndNothingReturned(string attribute, string? valueJson, string pointer)
    {
        var bad = Event("b", attribute, valueJson);

        var result = CloudEventReader.ReadBatch(Batch(Event("a"), bad, Event("c")), MaxBytes, 100);

        Assert.Empty(result.Touchpoints);
        Assert.Equal(pointer, Assert.Single(result.Problems).Attribute);
    }

    [Fact]
    public void ReadBatch_SeveralBadEvents_ReportsEachWithItsIndex()
    {
        var result = CloudEventReader.ReadBatch(Batch(Event("a", "id", null), Event("b"), "42", Event("d", "subject", null)), MaxBytes, 100);

        Assert.Equal(["/0/id", "/2", "/3/subject"], result.Problems.Select(p => p.Attribute));
    }

    [Fact]
    public void ReadBatch_OneEventOverMaxBytes_ProblemPointsAtIt()
    {
        var large = Event("b", "data", $$"""{ "padding": "{{new string('x', 600)}}" }""");

        var result = CloudEventReader.ReadBatch(Batch(Event("a"), large), 500, 100);

        Assert.Equal("/1", Assert.Single(result.Problems).Attribute);
        Assert.Empty(result.Touchpoints);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    public void ReadBatch_NotAnArray_ProblemForWholeBatch(string body)
    {
        var result = CloudEventReader.ReadBatch(Json.Utf8(body), MaxBytes, 100);

        Assert.Equal(string.Empty, Assert.Single(result.Problems).Attribute);
    }

    [Fact]
    public void ReadBinary_Headers_ReturnsTouchpoint()
    {
        var result = CloudEventReader.ReadBinary(Headers(), "application/json", Json.Utf8("""{ "total": 42.5 }"""), MaxBytes);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var touchpoint = Assert.Single(result.Touchpoints);
        Assert.Equal(("evt-1", "cart.abandoned", "web-app", "cust-1"), (touchpoint.Id, touchpoint.Type, touchpoint.Source, touchpoint.Subject));
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 8, 59, 0, TimeSpan.Zero), touchpoint.Time);
        Assert.Equal(42.5, touchpoint.Data!.Value.GetProperty("total").GetDouble());
        var structured = JsonNode.Parse(touchpoint.StructuredJson)!;
        Assert.Equal(("1.0", "cust-1"), (structured["specversion"]!.GetValue<string>(), structured["subject"]!.GetValue<string>()));
    }

    [Fact]
    public void ReadBinary_NoBody_TouchpointWithoutData()
    {
        var result = CloudEventReader.ReadBinary(Headers(), null, ReadOnlyMemory<byte>.Empty, MaxBytes);

        Assert.Null(Assert.Single(result.Touchpoints).Data);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("source")]
    [InlineData("type")]
    [InlineData("subject")]
    public void ReadBinary_MissingRequiredHeader_ProblemNamesIt(string attribute)
    {
        var headers = Headers();
        headers.Remove(attribute);

        var result = CloudEventReader.ReadBinary(headers, "application/json", Json.Utf8("{}"), MaxBytes);

        Assert.Empty(result.Touchpoints);
        Assert.Equal(attribute, Assert.Single(result.Problems).Attribute);
    }

    [Theory]
    [InlineData("text/plain", "{}", "datacontenttype")]
    [InlineData("application/xml", "<a/>", "datacontenttype")]
    [InlineData("application/json", "{ broken", "data")]
    [InlineData("application/json", "[1, 2]", "data")]
    [InlineData("application/json", "\"text\"", "data")]
    public void ReadBinary_BadBody_ProblemNamesIt(string contentType, string body, string attribute)
    {
        var result = CloudEventReader.ReadBinary(Headers(), contentType, Json.Utf8(body), MaxBytes);

        Assert.Empty(result.Touchpoints);
        Assert.Equal(attribute, Assert.Single(result.Problems).Attribute);
    }

    [Theory]
    [InlineData("specversion", "0.3")]
    [InlineData("time", "yesterday")]
    [InlineData("Tenant", "t1")]
    public void ReadBinary_BadHeader_ProblemNamesIt(string attribute, string value)
    {
        var headers = Headers();
        headers[attribute] = value;

        var result = CloudEventReader.ReadBinary(headers, "application/json", Json.Utf8("{}"), MaxBytes);

        Assert.Empty(result.Touchpoints);
        Assert.Equal(attribute, Assert.Single(result.Problems).Attribute);
    }

    [Fact]
    public void ReadBinary_BodyOverMaxBytes_ProblemForData()
    {
        var result = CloudEventReader.ReadBinary(Headers(), "application/json", Json.Utf8("""{ "total": 42.5 }"""), 10);

        Assert.Equal("data", Assert.Single(result.Problems).Attribute);
    }

    private static Dictionary<string, string> Headers() => new(StringComparer.Ordinal)
    {
        ["specversion"] = "1.0",
        ["id"] = "evt-1",
        ["source"] = "web-app",
        ["type"] = "cart.abandoned",
        ["subject"] = "cust-1",
        ["time"] = "2025-03-03T08:59:00Z",
    };

    private static ReadOnlyMemory<byte> With(string attribute, string? valueJson) => Json.Utf8(Event("evt-1", attribute, valueJson));

    // The valid event with one attribute set to a JSON value, or removed when the value is null.
    private static string Event(string id, string? attribute = null, string? valueJson = null)
    {
        var node = JsonNode.Parse(Valid)!.AsObject();
        node["id"] = id;
        if (attribute is not null)
        {
            node.Remove(attribute);
            if (valueJson is not null)
            {
                node[attribute] = JsonNode.Parse(valueJson);
            }
        }

        return node.ToJsonString();
    }

    private static ReadOnlyMemory<byte> Batch(params string[] events) =>
        Encoding.UTF8.GetBytes(new StringBuilder("[").AppendJoin(',', events).Append(']').ToString());
}
