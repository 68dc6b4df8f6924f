using System.Text.Json;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Templates;

namespace Orchestrator.Journeys.Parsing;

/// <summary>
/// Reads one step by its <c>type</c>. A step comes back whenever its successors could be read, even if
/// other values were bad (those are reported and replaced by placeholders), so the graph rules can still
/// run and every problem is reported in one pass.
/// </summary>
internal static class StepReader
{
    private static readonly KeyValuePair<string, JourneyOutcome>[] OutcomeNames =
    [
        new("success", JourneyOutcome.Success),
        new("failure", JourneyOutcome.Failure),
        new("neutral", JourneyOutcome.Neutral),
    ];

    // The single list of step types: the reader, its error messages and the schema test all use it.
    private static readonly OrderedDictionary<string, Func<string, JsonObjectReader, JourneyStep?>> Readers = new(StringComparer.Ordinal)
    {
        ["send"] = ReadSend,
        ["delay"] = DelayStepReader.Read,
        ["waitFor"] = RoutingStepReader.ReadWaitFor,
        ["branch"] = RoutingStepReader.ReadBranch,
        ["split"] = RoutingStepReader.ReadSplit,
        ["optimize"] = RoutingStepReader.ReadOptimize,
        ["set"] = ReadSet,
        ["end"] = ReadEnd,
    };

    /// <summary>Every step type of the language, in the order they are documented.</summary>
    public static IReadOnlyList<string> TypeNames => Readers.Keys;

    /// <summary>Reads a step.</summary>
    /// <param name="id">The step id.</param>
    /// <param name="value">The step object.</param>
    /// <param name="pointer">Its pointer.</param>
    /// <param name="errors">Receives problems found.</param>
    /// <returns>The step, or null when its type or successors could not be read.</returns>
    public static JourneyStep? Read(string id, JsonElement value, string pointer, ICollection<DefinitionError> errors)
    {
        if (JsonObjectReader.Open(value, pointer, errors) is not { } step)
        {
            return null;
        }

        JourneyStep? result = null;
        var type = step.RequiredText("type");
        if (type is not null && Readers.TryGetValue(type, out var read))
        {
            result = read(id, step);
        }
        else
        {
            if (type is not null)
            {
                errors.Add(new DefinitionError(step.PointerOf("type"), $"unknown step type '{type}': use {string.Join(", ", TypeNames)}"));
            }

            // Without a known type there is no list of allowed properties to hold the others against.
            step.Skip();
        }

        step.Complete();
        return result;
    }

    private static SendStep? ReadSend(string id, JsonObjectReader step)
    {
        var channel = step.RequiredText("channel") ?? string.Empty;
        var action = step.RequiredText("action") ?? string.Empty;
        var data = step.TryGet("data", out var value) ? JsonTemplate.Compile(value, step.PointerOf("data"), step.Errors) : null;
        var next = step.RequiredText("next");
        return next is null ? null : new SendStep(id, channel, action, data, next);
    }

    private static SetStep? ReadSet(string id, JsonObjectReader step)
    {
        var vars = new OrderedDictionary<string, JsonTemplate>(StringComparer.Ordinal);
        if (step.Object("vars", required: true) is { } names)
        {
            foreach (var name in names.Names)
            {
                names.TryGet(name, out var value);
                var pointer = names.PointerOf(name);
                Identifiers.CheckVariableName(name, pointer, step.Errors);
                vars[name] = JsonTemplate.Compile(value, pointer, step.Errors);
            }

            if (vars.Count == 0)
            {
                step.Errors.Add(new DefinitionError(names.Pointer, "must set at least one variable"));
            }
        }

        var next = step.RequiredText("next");
        return next is null ? null : new SetStep(id, vars, next);
    }

    private static EndStep ReadEnd(string id, JsonObjectReader step)
    {
        var outcome = step.Choice("outcome", OutcomeNames, required: true) ?? JourneyOutcome.Neutral;
        var reason = step.OptionalString("reason");
        return new EndStep(id, outcome, reason);
    }
}
