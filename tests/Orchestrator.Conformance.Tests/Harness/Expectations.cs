using Orchestrator.Journeys.Simulation;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>Compares run results with a script's expectation and with each other, in plain language.</summary>
public static class Expectations
{
    private const int MaxItemsListed = 30;

    /// <summary>Every way a result misses the expectation; empty when it meets it.</summary>
    /// <param name="result">What a driver produced.</param>
    /// <param name="expect">What the script expects.</param>
    /// <returns>Mismatches.</returns>
    public static IReadOnlyList<string> Check(JourneyRunResult result, SimulationExpectation expect)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(expect);
        var problems = new List<string>();
        if (expect.Outcome is { } outcome && outcome != result.Outcome)
        {
            problems.Add($"outcome: expected {outcome}, got {result.Outcome}");
        }

        AddListMismatch(problems, "actions", expect.Actions, result.Actions);
        AddListMismatch(problems, "steps", expect.Steps, result.Steps);
        return problems;
    }

    /// <summary>Every way two drivers' results for the same run differ; empty when they agree.</summary>
    /// <param name="actual">The driver under test.</param>
    /// <param name="reference">The simulator, on the same customer id.</param>
    /// <returns>Differences.</returns>
    public static IReadOnlyList<string> Compare(JourneyRunResult actual, JourneyRunResult reference)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(reference);
        var problems = new List<string>();
        if (actual.Outcome != reference.Outcome)
        {
            problems.Add($"outcome: simulator {reference.Outcome}, driver {actual.Outcome}");
        }

        if (actual.InstanceId != reference.InstanceId)
        {
            problems.Add($"instance id: simulator {reference.InstanceId ?? "(none)"}, driver {actual.InstanceId ?? "(none)"}");
        }

        AddListMismatch(problems, "actions", reference.Actions, actual.Actions);
        AddListMismatch(problems, "steps", reference.Steps, actual.Steps);
        AddListMismatch(problems, "action idempotency keys", reference.ActionKeys, actual.ActionKeys);
        AddListMismatch(problems, "decisions (with engine times)", reference.Decisions, actual.Decisions);
        return problems;
    }

    private static string Item(IReadOnlyList<string> list, int index) => index < list.Count ? $"'{list[index]}'" : "(nothing)";

    private static void AddListMismatch(List<string> problems, string what, IReadOnlyList<string>? expected, IReadOnlyList<string> actual)
    {
        if (expected is null || expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            return;
        }

        var first = Enumerable.Range(0, Math.Max(expected.Count, actual.Count))
            .First(i => i >= expected.Count || i >= actual.Count || expected[i] != actual[i]);
        var at = $"first difference at index {first}: expected {Item(expected, first)}, got {Item(actual, first)}";
        problems.Add(expected.Count + actual.Count <= MaxItemsListed
            ? $"{what}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}] ({at})"
            : $"{what}: {expected.Count} expected, {actual.Count} got; {at}");
    }
}
