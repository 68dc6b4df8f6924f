using System.Reflection;

namespace Orchestrator.Standalone.Tests.Support;

/// <summary>The repository these tests were built from.</summary>
public static class Repository
{
    /// <summary>Its root folder.</summary>
    public static string Root { get; } =
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
