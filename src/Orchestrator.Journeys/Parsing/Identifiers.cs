using System.Text.RegularExpressions;

namespace Orchestrator.Journeys.Parsing;

/// <summary>The identifier rules of the definition language; the JSON Schema carries the same patterns.</summary>
internal static partial class Identifiers
{
    /// <summary>Checks a journey id, reporting a bad one.</summary>
    /// <param name="id">The id as written.</param>
    /// <param name="pointer">Its pointer.</param>
    /// <param name="errors">Receives problems found.</param>
    /// <returns>Whether the id is valid.</returns>
    public static bool CheckJourneyId(string id, string pointer, ICollection<DefinitionError> errors)
    {
        if (JourneyId().IsMatch(id))
        {
            return true;
        }

        errors.Add(new DefinitionError(pointer, $"'{id}' is not a valid journey id: use up to 63 lowercase letters, digits and dashes, starting with a letter or digit"));
        return false;
    }

    /// <summary>Checks a step id, reporting a bad one.</summary>
    /// <param name="id">The id as written.</param>
    /// <param name="pointer">Its pointer.</param>
    /// <param name="errors">Receives problems found.</param>
    /// <returns>Whether the id is valid.</returns>
    public static bool CheckStepId(string id, string pointer, ICollection<DefinitionError> errors)
    {
        if (StepId().IsMatch(id))
        {
            return true;
        }

        errors.Add(new DefinitionError(pointer, $"'{id}' is not a valid step id: use up to 64 letters, digits, '_' and '-', starting with a letter or digit"));
        return false;
    }

    /// <summary>Checks a variable name, reporting a bad one.</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="pointer">Its pointer.</param>
    /// <param name="errors">Receives problems found.</param>
    /// <returns>Whether the name is valid.</returns>
    public static bool CheckVariableName(string name, string pointer, ICollection<DefinitionError> errors)
    {
        if (VariableName().IsMatch(name))
        {
            return true;
        }

        errors.Add(new DefinitionError(pointer, $"'{name}' is not a valid variable name: use letters, digits and '_', not starting with a digit"));
        return false;
    }

    // \z rather than $, which would also accept a trailing newline.
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex JourneyId();

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex StepId();

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();
}
