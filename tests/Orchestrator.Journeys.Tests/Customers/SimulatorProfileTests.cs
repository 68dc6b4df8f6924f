using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Simulation;

namespace Orchestrator.Journeys.Tests.Customers;

public class SimulatorProfileTests
{
    private static readonly string JourneyPath = Path.Combine(AppContext.BaseDirectory, "samples", "journeys", "vip-welcome.json");

    [Theory]
    [InlineData("""{ "attributes": { "tier": "gold", "locale": "fr-FR" } }""", "contact-center/vip-welcome-call")]
    [InlineData("""{ "attributes": { "tier": "silver" } }""", "email/welcome")]
    public void Run_ScriptGivesAProfile_TheBranchReadsIt(string customer, string action)
    {
        var trace = JourneySimulator.Run(Journey(), Script($$"""
            { "start": "2026-03-02T10:00:00Z", "customer": {{customer}},
              "events": [ { "at": "PT0S", "type": "membership.started" } ] }
            """));

        Assert.Equal([action], trace.Actions);
    }

    [Fact]
    public void Run_TemplateReadsAnAttribute_ThePayloadCarriesIt()
    {
        var trace = JourneySimulator.Run(Journey(), Script("""
            { "start": "2026-03-02T10:00:00Z", "customer": { "attributes": { "tier": "gold", "locale": "fr-FR" } },
              "events": [ { "at": "PT0S", "type": "membership.started" } ] }
            """));

        var send = Assert.Single(trace.Entries.SelectMany(e => e.Commands).OfType<SendAction>());
        Assert.Equal("""{"locale":"fr-FR"}""", send.Data?.GetRawText());
    }

    [Fact]
    public void Read_BadProfileInScript_NamesThePointer()
    {
        var script = SimulationScriptReader.Read("""{ "start": "2026-03-02T10:00:00Z", "customer": { "attributes": { "1x": 1 } }, "events": [] }""", out var errors);

        Assert.Null(script);
        Assert.Equal("/customer/attributes/1x", Assert.Single(errors).Pointer);
    }

    private static Definitions.JourneyDefinition Journey()
    {
        var read = JourneyDefinitionReader.Read(File.ReadAllBytes(JourneyPath));
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        return read.Definition;
    }

    private static SimulationScript Script(string json)
    {
        var script = SimulationScriptReader.Read(json, out var errors);
        Assert.True(script is not null, string.Join("; ", errors));
        return script;
    }
}
