using System.Text.Json;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Validation;

namespace Orchestrator.Journeys.Parsing;

/// <summary>Reads the top-level journey object, then checks the step graph.</summary>
internal static class JourneyDocumentReader
{
    /// <summary>Reads a journey.</summary>
    /// <param name="root">The document's root value.</param>
    /// <param name="errors">Receives problems found.</param>
    /// <returns>The definition, or null when any problem was found.</returns>
    public static JourneyDefinition? Read(JsonElement root, List<DefinitionError> errors)
    {
        if (JsonObjectReader.Open(root, string.Empty, errors) is not { } journey)
        {
            return null;
        }

        // "$schema" only points editors at the JSON Schema; it means nothing to the engine.
        journey.OptionalString("$schema");
        var id = journey.RequiredText("id");
        if (id is not null)
        {
            Identifiers.CheckJourneyId(id, journey.PointerOf("id"), errors);
        }

        var name = journey.RequiredText("name");
        var category = journey.OptionalString("category");
        var priority = journey.OptionalInteger("priority") ?? 0;
        var entry = CriteriaReader.ReadEntry(journey);
        var goal = CriteriaReader.ReadGoal(journey);
        var exit = CriteriaReader.ReadExit(journey);
        var suppressWhileActive = ReadJourneyIds(journey, "suppressWhileActive");
        var maxDuration = journey.OptionalDuration("maxDuration");
        var score = ScoreReader.Read(journey);
        var start = journey.RequiredText("start");
        var (steps, declared) = ReadSteps(journey);
        journey.Complete();

        JourneyGraphValidator.Validate(start, steps, declared, errors);

        // An optimize step's reward is the goal: without one, every arm would look equally hopeless forever.
        if (!journey.Has("goal"))
        {
            foreach (var optimize in steps.Values.OfType<OptimizeStep>())
            {
                errors.Add(new DefinitionError(JsonPointer.Append("/steps", optimize.Id), "an optimize step learns from the journey's goal: add a 'goal'"));
            }
        }

        if (errors.Count > 0 || id is null || name is null || entry is null || start is null)
        {
            return null;
        }

        return new JourneyDefinition(id, name, category, priority, entry, goal, exit, suppressWhileActive, maxDuration, start, steps) { Score = score };
    }

    private static List<string> ReadJourneyIds(JsonObjectReader journey, string name)
    {
        var ids = new List<string>();
        if (!journey.TryGetArray(name, required: false, out var items))
        {
            return ids;
        }

        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var pointer = JsonPointer.Append(journey.PointerOf(name), index++);
            if (JsonValues.String(item, pointer, journey.Errors, nonEmpty: true) is { } id && Identifiers.CheckJourneyId(id, pointer, journey.Errors))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    // Returns the steps that could be read, in document order, and every step id declared: a step that
    // could not be read still exists as a target, so references to it are not reported as unknown.
    private static (OrderedDictionary<string, JourneyStep> Steps, HashSet<string> Declared) ReadSteps(JsonObjectReader journey)
    {
        var steps = new OrderedDictionary<string, JourneyStep>(StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (journey.Object("steps", required: true) is not { } stepsObject)
        {
            return (steps, declared);
        }

        foreach (var id in stepsObject.Names)
        {
            declared.Add(id);
            stepsObject.TryGet(id, out var value);
            var pointer = stepsObject.PointerOf(id);
            Identifiers.CheckStepId(id, pointer, journey.Errors);
            if (StepReader.Read(id, value, pointer, journey.Errors) is { } step)
            {
                steps[id] = step;
            }
        }

        if (declared.Count == 0)
        {
            journey.Errors.Add(new DefinitionError(stepsObject.Pointer, "must have at least one step"));
        }
        else if (declared.Count > JourneyDefinitionReader.MaxSteps)
        {
            journey.Errors.Add(new DefinitionError(stepsObject.Pointer, $"has {declared.Count} steps; at most {JourneyDefinitionReader.MaxSteps} are allowed"));
        }

        return (steps, declared);
    }
}
