using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Simulation;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Simulation;

/// <summary>The builder-made bill-payment fixture must mean what the JSON the reader reads means.</summary>
public class ReaderParityTests
{
    /// <summary>Scripts as (day, type, data) triples that together visit every step, timer and ending.</summary>
    public static TheoryData<string> Scripts => new()
    {
        "0|invoice.issued|{\"amount\":42.5};1|payment.completed|",
        "0|invoice.issued|{\"amount\":10};3|payment.failed|{\"reason\":\"card-expired\"};4|payment.failed|{\"reason\":\"other\"};5|account.closed|",
        "0|invoice.issued|{\"amount\":10}",
        "0|payment.completed|;0.5|invoice.issued|{\"amount\":0};1|invoice.issued|{\"amount\":1};31|payment.completed|",
        "0|invoice.issued|{\"amount\":10};2|unrelated.type|;6|payment.failed|;61|payment.completed|",
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Run_ReaderAndBuilderBillPayment_GiveIdenticalTraces(string events)
    {
        var read = JourneyDefinitionReader.Read(SampleJourneys.BillPaymentJson);
        Assert.True(read.IsValid, string.Join(Environment.NewLine, read.Errors));
        var script = new SimulationScript(
            Touchpoints.CustomerId,
            Clock.T0,
            [.. events.Split(';').Select(Event)],
            SimulationScript.DefaultRunFor,
            null,
            null,
            null);

        var fromReader = JourneySimulator.Run(read.Definition, script);
        var fromBuilder = JourneySimulator.Run(SampleJourneys.BillPayment, script);

        Assert.Equal(Describe(fromBuilder), Describe(fromReader));
        Assert.Equal(Serialized.Of(fromBuilder.FinalState!), Serialized.Of(fromReader.FinalState!));
    }

    private static SimulationEvent Event(string spec)
    {
        var parts = spec.Split('|');
        return new SimulationEvent(
            Clock.Day(double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)), parts[1], null, null, Json.ParseOrNull(parts[2].Length == 0 ? null : parts[2]));
    }

    private static IEnumerable<string> Describe(SimulationTrace trace) =>
        trace.Entries.Select(e => $"{e.At:O} {e.Input} {e.Effect} {Serialized.Of(e.Commands)} {Serialized.Of(e.Decisions)}");
}
