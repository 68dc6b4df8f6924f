using Orchestrator.Application.Ports;
using Orchestrator.Http.Contracts;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Http.Tests.Contracts;

public sealed class MigrationRequestReaderTests
{
    [Fact]
    public void Read_FullRequest_ReadsEveryField()
    {
        var request = MigrationRequestReader.Read(
            "bill",
            """{ "from": 1, "to": 2, "steps": { "wait-pay": "wait-payment" }, "unmapped": { "end": "neutral", "reason": "retired" }, "dryRun": false }""",
            out var dryRun,
            out var errors);

        Assert.Empty(errors);
        Assert.False(dryRun);
        Assert.NotNull(request);
        Assert.Equal(("bill", 1, 2), (request.JourneyId, request.From, request.To));
        Assert.Equal(new Dictionary<string, string> { ["wait-pay"] = "wait-payment" }, request.Steps);
        Assert.Equal(new UnmappedInstances(JourneyOutcome.Neutral, "retired"), request.Unmapped);
    }

    [Fact]
    public void Read_NoDryRunAndNoReason_IsADryRunAndEndsWithTheDefaultReason()
    {
        var request = MigrationRequestReader.Read("bill", """{ "from": 1, "to": 2, "steps": {}, "unmapped": { "end": "stopped" } }""", out var dryRun, out _);

        Assert.True(dryRun);
        Assert.Equal(new UnmappedInstances(JourneyOutcome.Stopped, UnmappedInstances.DefaultReason), request!.Unmapped);
    }

    [Theory]
    [InlineData("[]", "")]
    [InlineData("{ not json", "")]
    [InlineData("""{ "from": "1", "to": 2, "steps": {} }""", "/from")]
    [InlineData("""{ "from": 1, "to": 0, "steps": {} }""", "/to")]
    [InlineData("""{ "from": 1, "to": 2, "steps": [] }""", "/steps")]
    [InlineData("""{ "from": 1, "to": 2, "steps": { "a/b~c": "" } }""", "/steps/a~1b~0c")]
    [InlineData("""{ "from": 1, "to": 2, "steps": {}, "unmapped": { "end": "1" } }""", "/unmapped/end")]
    [InlineData("""{ "from": 1, "to": 2, "steps": {}, "unmapped": { "end": "neutral", "reason": " " } }""", "/unmapped/reason")]
    [InlineData("""{ "from": 1, "to": 2, "steps": {}, "dryRun": 0 }""", "/dryRun")]
    public void Read_BadField_NamesItsJsonPointer(string json, string pointer)
    {
        var request = MigrationRequestReader.Read("bill", json, out _, out var errors);

        Assert.Null(request);
        Assert.Contains(pointer, errors.Select(e => e.Pointer));
    }
}
