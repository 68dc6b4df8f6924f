namespace Orchestrator.Testing;

/// <summary>
/// A script node loads before Azurite so Azurite exits when the test process goes away, even when
/// that process is killed and never gets to dispose its fixtures.
/// </summary>
/// <remarks>
/// The test process holds the only writing end of the child's stdin pipe; when it dies, for any
/// reason, the operating system closes that end and node sees the end of stdin. This needs no
/// polling and no platform-specific calls, unlike watching the parent's process id.
/// </remarks>
internal static class ParentWatchdog
{
    private const string FileName = "exit-with-parent.cjs";

    private const string Script = """
        // Exit when the process that started Azurite goes away: its end of our stdin then closes.
        // That process cannot remove Azurite's workspace (this script's folder) then, so do it here.
        const exitWithParent = () => {
          require("fs").rmSync(__dirname, { recursive: true, force: true });
          process.exit(0);
        };
        process.stdin.on("end", exitWithParent);
        process.stdin.on("error", exitWithParent);
        process.stdin.resume();

        """;

    /// <summary>Writes the script into <paramref name="folder"/> and returns its path, for node's <c>--require</c>.</summary>
    public static async Task<string> WriteToAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        await File.WriteAllTextAsync(path, Script, cancellationToken);
        return path;
    }
}
