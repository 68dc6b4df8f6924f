using System.Reflection;

namespace Orchestrator.Cli.Tests.Support;

/// <summary>Finds the repository, so tests can use the checked-in samples.</summary>
public static class RepositoryRoot
{
    private const string Marker = "Orchestrator.sln";

    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        // Builds with an artifacts path put the binaries outside the repository: use where it was built from.
        var builtFrom = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (builtFrom is not null && File.Exists(System.IO.Path.Combine(builtFrom, Marker)))
        {
            return builtFrom;
        }

        throw new InvalidOperationException($"no {Marker} above {AppContext.BaseDirectory} or at {builtFrom}");
    }
}
