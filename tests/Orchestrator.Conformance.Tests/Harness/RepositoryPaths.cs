using System.Reflection;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>Finds the repository (the folder holding <c>Orchestrator.sln</c>) and its sample folders.</summary>
public static class RepositoryPaths
{
    private const string SolutionFile = "Orchestrator.sln";

    /// <summary>The repository root: walking up from the test binaries, or, when they live outside the
    /// repository (a private artifacts path), from the project folder recorded at build time.</summary>
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "samples", "scenarios");

    public static string Journeys => Path.Combine(Root, "samples", "journeys");

    private static string FindRoot()
    {
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        var starts = new[] { AppContext.BaseDirectory, recorded }.OfType<string>();
        foreach (var start in starts)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"No folder holding {SolutionFile} above {AppContext.BaseDirectory} or {recorded ?? "(no RepositoryRoot recorded)"}.");
    }
}
