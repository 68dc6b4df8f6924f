using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Validation;

/// <summary>
/// Checks the step graph of a journey: every reference names a step, every step can be reached from
/// <c>start</c>, and no loop can be gone round without waiting.
/// </summary>
/// <remarks>
/// <see cref="JourneyDefinitionReader"/> runs these rules on every document it reads; this class also
/// lets a definition built in code be checked the same way.
/// </remarks>
public static class JourneyGraphValidator
{
    /// <summary>Checks a definition's step graph.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>Every problem found, with pointers into the definition's JSON form.</returns>
    public static IReadOnlyList<DefinitionError> Validate(JourneyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<DefinitionError>();
        Validate(definition.Start, definition.Steps, definition.Steps.Keys.ToHashSet(StringComparer.Ordinal), errors);
        return errors;
    }

    /// <summary>Checks a step graph that may be incomplete because some steps could not be read.</summary>
    /// <param name="start">The start step id, or null when it could not be read.</param>
    /// <param name="steps">The steps that could be read, in document order.</param>
    /// <param name="declared">Every step id in the document, including steps that could not be read.</param>
    /// <param name="errors">Receives problems found.</param>
    internal static void Validate(
        string? start,
        IReadOnlyDictionary<string, JourneyStep> steps,
        IReadOnlySet<string> declared,
        ICollection<DefinitionError> errors)
    {
        if (start is not null && !declared.Contains(start))
        {
            errors.Add(new DefinitionError("/start", $"unknown step '{start}'"));
        }

        foreach (var (id, step) in steps)
        {
            foreach (var (pointer, target) in StepReferences.Of(step))
            {
                if (!declared.Contains(target))
                {
                    errors.Add(new DefinitionError(StepPointer(id, pointer), $"unknown step '{target}'"));
                }
            }
        }

        // A step that could not be read hides its successors, so anything after it would look unreachable.
        if (start is not null && steps.ContainsKey(start) && steps.Count == declared.Count)
        {
            var reached = Reachable(start, steps);
            foreach (var id in steps.Keys.Where(id => !reached.Contains(id)))
            {
                errors.Add(new DefinitionError(StepPointer(id), $"step '{id}' is unreachable from start '{start}'"));
            }
        }

        foreach (var loop in SpinCycleFinder.Find(steps))
        {
            errors.Add(new DefinitionError(
                StepPointer(loop[0]),
                $"the loop {string.Join(" → ", loop)} has no delay or waitFor step, so an instance would go round it without ever waiting"));
        }
    }

    private static HashSet<string> Reachable(string start, IReadOnlyDictionary<string, JourneyStep> steps)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in steps[current].Successors)
            {
                if (steps.ContainsKey(next) && reached.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return reached;
    }

    private static string StepPointer(string id, string relative = "") =>
        relative.Length == 0 ? JsonPointer.Append("/steps", id) : $"{JsonPointer.Append("/steps", id)}/{relative}";
}
