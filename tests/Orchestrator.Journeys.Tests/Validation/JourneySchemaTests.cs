using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Tests.Parsing;

namespace Orchestrator.Journeys.Tests.Validation;

/// <summary>Keeps <c>schemas/journey.schema.json</c>, which editors use, in step with the reader.</summary>
public sealed class JourneySchemaTests
{
    private static readonly Lazy<JsonElement> Schema = new(LoadSchema);

    private static JsonElement Defs => Schema.Value.GetProperty("$defs");

    [Fact]
    public void Schema_File_IsDraft202012WithItsPublishedId()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.Value.GetProperty("$schema").GetString());
        Assert.Equal("https://journey-orchestrator.dev/schemas/journey.schema.json", Schema.Value.GetProperty("$id").GetString());
        Assert.False(Schema.Value.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Schema_StepTypes_AreTheReadersStepTypes()
    {
        var step = Defs.GetProperty("step");
        var variants = step.GetProperty("oneOf").EnumerateArray()
            .Select(v => Resolve(v.GetProperty("$ref").GetString()!).GetProperty("properties").GetProperty("type").GetProperty("const").GetString()!)
            .ToArray();
        var offered = Strings(step.GetProperty("properties").GetProperty("type").GetProperty("enum"));

        Assert.Equal(StepReader.TypeNames, variants);
        Assert.Equal(StepReader.TypeNames, offered);
    }

    [Fact]
    public void Schema_Operators_AreTheReadersOperators()
    {
        var offered = Strings(Defs.GetProperty("fieldCondition").GetProperty("properties").GetProperty("op").GetProperty("enum"));

        Assert.Equal(Enum.GetValues<ConditionOperator>().Select(FieldCondition.OperatorName), offered);
    }

    [Fact]
    public void Schema_EveryObject_ForbidsUnknownPropertiesAndAllowsDescription()
    {
        var objects = Defs.EnumerateObject()
            .Where(d => d.Value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "object" && d.Name != "step")
            .ToArray();

        Assert.NotEmpty(objects);
        Assert.All(objects, d =>
        {
            Assert.False(d.Value.GetProperty("additionalProperties").GetBoolean(), d.Name);
            Assert.True(d.Value.GetProperty("properties").TryGetProperty("description", out _), d.Name);
        });
    }

    [Fact]
    public void Schema_EnumValues_AreAllAcceptedByTheReader()
    {
        var documents = Strings(Defs.GetProperty("entry").GetProperty("properties").GetProperty("reentry").GetProperty("enum"))
                .Select(r => JourneyJson.With("/entry/reentry", $"\"{r}\""))
            .Concat(Strings(Defs.GetProperty("endStep").GetProperty("properties").GetProperty("outcome").GetProperty("enum"))
                .Select(o => JourneyJson.With("/steps/thanks/outcome", $"\"{o}\"")))
            .Concat(Strings(Defs.GetProperty("delayStep").GetProperty("properties").GetProperty("days").GetProperty("items").GetProperty("enum"))
                .Select(d => JourneyJson.With("/steps/remind", $$"""{ "type": "delay", "window": "09:00-17:00", "days": [ "{{d}}" ], "next": "wait-pay" }""")));

        Assert.All(documents, json => Assert.Empty(JourneyDefinitionReader.Read(json).Errors));
    }

    [Theory]
    [InlineData("P3D")]
    [InlineData("P1W2D")]
    [InlineData("PT0,25S")]
    [InlineData("P1DT2H30M15.5S")]
    [InlineData("PT0S")]
    [InlineData("PT1M")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("PT1S1M")]
    [InlineData("P1.5D")]
    [InlineData("PT0.12345678S")]
    [InlineData("-P3D")]
    public void Schema_DurationPattern_AgreesWithTheReader(string text)
    {
        var pattern = Defs.GetProperty("duration").GetProperty("pattern").GetString()!;

        Assert.Equal(Iso8601Duration.TryParse(text, out _), Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData("journeyId", "bill-payment", true)]
    [InlineData("journeyId", "0day", true)]
    [InlineData("journeyId", "-x", false)]
    [InlineData("journeyId", "Bill", false)]
    [InlineData("stepId", "wait_pay-2", true)]
    [InlineData("stepId", "_x", false)]
    [InlineData("stepId", "a/b", false)]
    public void Schema_IdPatterns_AgreeWithTheReader(string definition, string id, bool valid)
    {
        var pattern = Defs.GetProperty(definition).GetProperty("pattern").GetString()!;
        var errors = new List<DefinitionError>();
        var readerValid = definition == "journeyId" ? Identifiers.CheckJourneyId(id, "/id", errors) : Identifiers.CheckStepId(id, "/id", errors);

        Assert.Equal(valid, readerValid);
        Assert.Equal(valid, Regex.IsMatch(id, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData("event.data.amount", true)]
    [InlineData("trigger.type", true)]
    [InlineData("vars.tier", true)]
    [InlineData("journey.version", true)]
    [InlineData("customer.id", true)]
    [InlineData("event.colour", false)]
    [InlineData("event.type.x", false)]
    [InlineData("vars", false)]
    [InlineData("customer.name", false)]
    [InlineData("event..data", false)]
    public void Schema_FieldPathPattern_AgreesWithTheReader(string path, bool valid)
    {
        var pattern = Defs.GetProperty("fieldPath").GetProperty("pattern").GetString()!;

        Assert.Equal(valid, FieldPath.TryParse(path, out _, out _));
        Assert.Equal(valid, Regex.IsMatch(path, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    private static JsonElement Resolve(string reference)
    {
        Assert.StartsWith("#/$defs/", reference, StringComparison.Ordinal);
        return Defs.GetProperty(reference["#/$defs/".Length..]);
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static JsonElement LoadSchema()
    {
        var path = Path.Combine(RepositoryRoot(), "schemas", "journey.schema.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    // Builds may put their output outside the repository (--artifacts-path), so the source location is the fallback.
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) })
        {
            for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Orchestrator.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"No folder holding Orchestrator.sln above {AppContext.BaseDirectory} or {sourceFile}");
    }
}
