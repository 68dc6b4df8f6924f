namespace Orchestrator.Application.Definitions;

/// <summary>A version's instances, counted.</summary>
/// <param name="Running">Instances still running (or suspended).</param>
/// <param name="ByStep">Running instances by the step they are at.</param>
/// <param name="Completed">Instances that ended with an outcome.</param>
public sealed record VersionInstances(int Running, IReadOnlyDictionary<string, int> ByStep, int Completed);
