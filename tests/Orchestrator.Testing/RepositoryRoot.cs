using System.Reflection;

namespace Orchestrator.Testing;

/// <summary>Finds the repository's root folder, where package.json and node_modules live.</summary>
internal static class RepositoryRoot
{
    private const string Marker = "Orchestrator.sln";
    private const string SourceDirectoryKey = "Orchestrator.Testing.SourceDirectory";

    /// <summary>
    /// Walks up to the folder holding the solution file: from the test's output folder first, then,
    /// because build output may live outside the repository, from the folder this library was built from.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither start lies inside the repository.</exception>
    public static string Find()
    {
        var starts = new List<string> { AppContext.BaseDirectory };
        var sourceDirectory = typeof(RepositoryRoot).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == SourceDirectoryKey)?.Value;
        if (!string.IsNullOrEmpty(sourceDirectory))
        {
            starts.Add(sourceDirectory);
        }

        return Find(starts);
    }

    internal static string Find(IReadOnlyList<string> starts)
    {
        foreach (var start in starts)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, Marker)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Could not find the repository root: no folder above '{string.Join("' or '", starts)}' contains {Marker}. " +
            "Tests that use Azurite need the repository's package.json and node_modules.");
    }
}
