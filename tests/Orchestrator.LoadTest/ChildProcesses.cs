using System.Diagnostics;

namespace Orchestrator.LoadTest;

/// <summary>Finds this process's own Azurite (a node child) to read its CPU time; Linux only, null elsewhere.</summary>
internal static class ChildProcesses
{
    public static Process? Azurite()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var self = Environment.ProcessId;
        foreach (var node in Process.GetProcessesByName("node"))
        {
            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so parse after the last ')'.
                var stat = File.ReadAllText($"/proc/{node.Id}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == self)
                {
                    return node;
                }
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }

            node.Dispose();
        }

        return null;
    }

    public static TimeSpan CpuTime(Process? process)
    {
        if (process is null)
        {
            return TimeSpan.Zero;
        }

        process.Refresh();
        return process.TotalProcessorTime;
    }
}
