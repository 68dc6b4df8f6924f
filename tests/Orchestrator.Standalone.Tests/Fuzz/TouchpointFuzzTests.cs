using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;
using Xunit.Abstractions;

namespace Orchestrator.Standalone.Tests.Fuzz;

/// <summary>
/// Random CloudEvents requests through the real host: random bytes, wrong types per attribute, missing attributes,
/// deep nesting, huge strings, random content types and headers, batches of random items. None may get a 5xx, and
/// every rejection is a 4xx problem document naming the attribute, the pointer or the limit.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class TouchpointFuzzTests(AzuriteFixture azurite, HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private const int Cases = 300;

    private static readonly string[] ContentTypes =
    [
        CloudEvents.Structured, CloudEvents.Batch, "application/json", "application/cloudevents+json; charset=utf-8", "text/plain",
        "application/xml", "application/problem+json", "garbage;;;=", "application/*", "",
    ];

    private static readonly string[] Attributes =
        ["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data", "data_base64", "Bad-Name", "ext1", "averyveryverylongextensionname"];

    private static readonly string[] WrongValues =
    [
        "null", "1", "-0", "1e400", "true", "[]", "{}", "[{}]", "\"\"", "\" \"", "\"1.0\"", "\"0.3\"", "\"2026-03-02T08:00:00Z\"", "\"2026-03-02\"",
        "\"2026-03-02T08:00:00\"", "\"not-a-time\"", "\"\\ud800\"", "\"\\u0000\"", "\"application/json\"", "\"text/plain\"", "\"email:ann@example.com\"",
        "{\"a\":{\"b\":[1,2,{\"c\":null}]}}",
    ];

    private static readonly string[] HeaderValues = ["1.0", "0.3", "", " ", "%ZZ", "%00", "%E2%82", "x", "2026-03-02T08:00:00Z", "nope", "application/json", new string('h', 4000)];

    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = (await fixture.StartAsync(azurite)).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Post_RandomRequests_NeverAnswer5xxAndEveryRejectionIsAProblemNamingItsCause()
    {
        var requests = Requests().Sample(Cases, FuzzSeed.For(1), 100);
        var statuses = new Dictionary<int, int>();
        foreach (var request in requests)
        {
            using var message = request.ToMessage();
            using var response = await _client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var context = $"seed {FuzzSeed.Value}: {request} answered {status}: {Shorten(body)}";

            Assert.True(status is 202 or 400 or 413 or 415, context);
            if (status >= 400)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", context);
                using var problem = JsonDocument.Parse(body);
                var detail = problem.RootElement.GetProperty("detail").GetString() ?? "";
                switch (status)
                {
                    case 400:
                        var errors = problem.RootElement.GetProperty("errors");
                        Assert.True(errors.GetArrayLength() > 0, context);
                        Assert.All(errors.EnumerateArray(), e => Assert.True(e.GetProperty("attribute").ValueKind == JsonValueKind.String && e.GetProperty("message").GetString()!.Length > 0, context));
                        break;
                    case 413:
                        Assert.True(detail.Contains("bytes", StringComparison.Ordinal), context);
                        break;
                    default:
                        Assert.True(detail.Contains("Content-Type", StringComparison.Ordinal), context);
                        break;
                }
            }
        }

        output.WriteLine($"seed {FuzzSeed.Value}: {statuses.Values.Sum()} requests; answers {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");

        // The generators must reach both sides, or the test proves little.
        Assert.True(statuses.ContainsKey(202) && statuses.ContainsKey(400) && statuses.ContainsKey(415),
            $"seed {FuzzSeed.Value}: answers by status {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
    }

    private static Gen<FuzzRequest> Requests() =>
        Gen.Frequency(
            (2, ValidStructured()),
            (6, Structured()),
            (3, Batch()),
            (3, Binary()),
            (2, RandomBytes()),
            (1, Deep()),
            (1, Huge()),
            (1, BrokenText()));

    private static Gen<FuzzRequest> Structured() =>
        from cloudEvent in Event()
        from contentType in Gen.Frequency((4, Gen.Constant(CloudEvents.Structured)), (1, Gen.Elements(ContentTypes)))
        select new FuzzRequest("structured", contentType, [], Encoding.UTF8.GetBytes(cloudEvent));

    // Valid events with random extension attributes and data, so the accepting path is fuzzed too.
    private static Gen<FuzzRequest> ValidStructured() =>
        from id in Gen.Choose(0, 1_000_000)
        from extension in Gen.Elements("", ",\"tenant\":\"t1\"", ",\"ext1\":\"\"", ",\"a1b2\":\"x\"")
        from data in ArbMap.Default.GeneratorFor<Dictionary<string, int>>()
        select new FuzzRequest("valid structured", CloudEvents.Structured, [], Encoding.UTF8.GetBytes(
            $"{{\"specversion\":\"1.0\",\"id\":\"fz-ok-{id}\",\"source\":\"fuzz\",\"type\":\"fuzz.event\",\"subject\":\"cust-fuzz-{id % 50}\"{extension},\"data\":{JsonSerializer.Serialize(data)}}}"));

    private static Gen<FuzzRequest> Batch() =>
        from count in Gen.Choose(0, 6)
        from items in Gen.ListOf(Gen.Frequency((4, Event()), (1, Gen.Elements(WrongValues))), count)
        select new FuzzRequest("batch", CloudEvents.Batch, [], Encoding.UTF8.GetBytes($"[{string.Join(",", items)}]"));

    private static Gen<FuzzRequest> Binary() =>
        from id in Gen.Choose(0, 1_000_000)
        from present in Gen.ListOf(Gen.Elements(true, true, false), 6)
        from values in Gen.ListOf(Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Elements(HeaderValues).Select(v => (string?)v))), 6)
        from extra in Gen.Elements("ce-ext1", "ce-Weird_Name", "ce-", "ce-datacontenttype", "x-other")
        from data in Gen.Elements("", "{\"a\":1}", "[1]", "\"s\"", "{", "null")
        from contentType in Gen.Elements("application/json", "", "text/plain", "application/cloudevents+json")
        select Headers(id, present, values, extra, data, contentType);

    private static FuzzRequest Headers(int id, List<bool> present, List<string?> values, string extra, string data, string contentType)
    {
        string[] names = ["ce-specversion", "ce-id", "ce-source", "ce-type", "ce-subject", "ce-time"];
        string[] valid = ["1.0", $"fz-bin-{id}", "fuzz", "fuzz.event", $"cust-fuzz-{id % 50}", "2026-03-02T08:00:00Z"];
        var headers = new List<(string, string)>();
        for (var i = 0; i < names.Length; i++)
        {
            if (present[i])
            {
                headers.Add((names[i], values[i] ?? valid[i]));
            }
        }

        headers.Add((extra, values[0] ?? "x"));
        return new FuzzRequest("binary", contentType, headers, Encoding.UTF8.GetBytes(data));
    }

    private static Gen<FuzzRequest> RandomBytes() =>
        from bytes in ArbMap.Default.GeneratorFor<byte[]>()
        from contentType in Gen.Elements(ContentTypes)
        select new FuzzRequest("bytes", contentType, [], bytes);

    private static Gen<FuzzRequest> Deep() =>
        from depth in Gen.Elements(65, 1_000, 10_000)
        from contentType in Gen.Elements(CloudEvents.Structured, CloudEvents.Batch, "application/json")
        from opener in Gen.Elements("[", "{\"data\":")
        select new FuzzRequest($"deep {depth}", contentType, [("ce-id", "x"), ("ce-source", "s"), ("ce-type", "t")],
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(opener, depth)) + "1" + new string(opener == "[" ? ']' : '}', depth)));

    private static Gen<FuzzRequest> Huge() =>
        from attribute in Gen.Elements("id", "type", "subject", "source", "data")
        from length in Gen.Elements(60 * 1024, 70 * 1024)
        from contentType in Gen.Elements(CloudEvents.Structured, CloudEvents.Batch)
        select HugeRequest(attribute, length, contentType);

    private static FuzzRequest HugeRequest(string attribute, int length, string contentType)
    {
        var huge = JsonSerializer.Serialize(new string('x', length));
        var value = attribute == "data" ? $"{{\"note\":{huge}}}" : huge;
        var cloudEvent = $"{{\"specversion\":\"1.0\",\"id\":\"fz-huge\",\"source\":\"fuzz\",\"type\":\"fuzz.event\",\"subject\":\"cust-fuzz\",\"{attribute}\":{value}}}";
        return new FuzzRequest($"huge {attribute}", contentType, [], Encoding.UTF8.GetBytes(contentType == CloudEvents.Batch ? $"[{cloudEvent}]" : cloudEvent));
    }

    private static Gen<FuzzRequest> BrokenText() =>
        from attribute in Gen.Elements("id", "type", "subject", "source")
        from broken in Gen.Elements<byte[]>([0xFF], [0xC3], [0xED, 0xA0, 0x80], "\\ud800"u8.ToArray(), "\\udc00x"u8.ToArray())
        select new FuzzRequest($"broken text in {attribute}", CloudEvents.Structured, [], BrokenEvent(attribute, broken));

    private static byte[] BrokenEvent(string attribute, byte[] broken)
    {
        var cloudEvent = $"{{\"specversion\":\"1.0\",\"id\":\"fz-broken\",\"source\":\"fuzz\",\"type\":\"fuzz.event\",\"subject\":\"cust-fuzz\",\"{attribute}\":\"BROKEN\"}}";
        var bytes = Encoding.UTF8.GetBytes(cloudEvent);
        var at = cloudEvent.IndexOf("BROKEN", StringComparison.Ordinal);
        return [.. bytes[..at], .. broken, .. bytes[(at + "BROKEN".Length)..]];
    }

    private static Gen<string> Event() =>
        from id in Gen.Choose(0, 1_000_000)
        from choices in Gen.ListOf(Gen.Elements(0, 0, 0, 1, 2), Attributes.Length)
        from wrong in Gen.ListOf(Gen.Elements(WrongValues), Attributes.Length)
        select EventOf(id, choices, wrong);

    // Per attribute: 0 = a valid value (or absent, for optional ones), 1 = missing, 2 = a random value of any kind.
    private static string EventOf(int id, List<int> choices, List<string> wrong)
    {
        string?[] valid =
        [
            "\"1.0\"", $"\"fz-{id}\"", "\"fuzz\"", "\"fuzz.event\"", $"\"cust-fuzz-{id % 50}\"", "\"2026-03-02T08:00:00Z\"",
            "\"application/json\"", null, "{\"a\":1}", null, null, "\"x\"", null,
        ];
        var members = new List<string>();
        for (var i = 0; i < Attributes.Length; i++)
        {
            var value = choices[i] switch
            {
                0 => valid[i],
                1 => null,
                _ => wrong[i],
            };
            if (value is not null)
            {
                members.Add($"{JsonSerializer.Serialize(Attributes[i])}:{value}");
            }
        }

        return $"{{{string.Join(",", members)}}}";
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    /// <summary>One generated request.</summary>
    private sealed record FuzzRequest(string Kind, string ContentType, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
    {
        public HttpRequestMessage ToMessage()
        {
            var content = new ByteArrayContent(Body);
            if (ContentType.Length > 0)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            var message = new HttpRequestMessage(HttpMethod.Post, "/api/touchpoints") { Content = content };
            foreach (var (name, value) in Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            return message;
        }

        public override string ToString() =>
            $"{Kind} request, Content-Type '{ContentType}', headers [{string.Join(", ", Headers.Select(h => $"{h.Name}: {Shorten(h.Value)}"))}], "
            + $"{Body.Length} bytes: {Shorten(Encoding.UTF8.GetString(Body))}";
    }
}
