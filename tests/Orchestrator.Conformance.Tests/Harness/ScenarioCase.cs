using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Simulation;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>A scenario script from <c>samples/scenarios</c> with the journey it names.</summary>
/// <param name="Name">File name without <c>.json</c>, such as <c>bill-payment.card-expired</c>.</param>
/// <param name="Script">The parsed script.</param>
/// <param name="Definition">The parsed journey.</param>
/// <param name="DefinitionJson">The journey document as deployed.</param>
public sealed record ScenarioCase(string Name, SimulationScript Script, JourneyDefinition Definition, string DefinitionJson)
{
    /// <summary>The same scenario for another customer, so runs sharing one store stay apart.</summary>
    /// <param name="suffix">Appended to the script's customer id.</param>
    /// <returns>The scenario run for <c>{customerId}{suffix}</c>.</returns>
    public ScenarioRun ForCustomerSuffix(string suffix) =>
        new(Name, Definition.Id, Script with { CustomerId = Script.CustomerId + suffix });

    /// <summary>The scenario as written.</summary>
    /// <returns>The run for the script's own customer id.</returns>
    public ScenarioRun AsWritten() => new(Name, Definition.Id, Script);

    public override string ToString() => Name;
}
