using System.Text.RegularExpressions;

namespace Orchestrator.Testing;

/// <summary>
/// Reads Azurite's stdout for the lines saying its Queue and Table services listen, and the
/// addresses they report, which carry the ports the operating system chose for port 0.
/// </summary>
internal sealed partial class AzuriteReadiness
{
    private readonly TaskCompletionSource<(Uri Queue, Uri Table)> _ready =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly Lock _gate = new();
    private Uri? _queue;
    private Uri? _table;

    /// <summary>
    /// Completes with the Queue and Table service addresses (scheme, host and port) once both
    /// listen; fails if stdout ends first, which means Azurite exited.
    /// </summary>
    public Task<(Uri Queue, Uri Table)> Ready => _ready.Task;

    /// <summary>Takes one stdout line; <see langword="null"/> marks the end of the stream.</summary>
    public void OnOutputLine(string? line)
    {
        if (line is null)
        {
            _ready.TrySetException(new InvalidOperationException(
                "Azurite exited before both its Queue and Table services were listening."));
            return;
        }

        var match = ListeningLine().Match(line);
        if (!match.Success)
        {
            return;
        }

        var address = new Uri(match.Groups["address"].Value);
        lock (_gate)
        {
            switch (match.Groups["service"].Value)
            {
                case "Queue":
                    _queue = address;
                    break;
                case "Table":
                    _table = address;
                    break;
                default:
                    // Blob also starts (the all-in-one entry has no switch to leave it out) but is not used.
                    return;
            }

            if (_queue is not null && _table is not null)
            {
                _ready.TrySetResult((_queue, _table));
            }
        }
    }

    // Printed by azurite.js after each server's listen() succeeded, with the bound address.
    [GeneratedRegex(@"^Azurite (?<service>Blob|Queue|Table) service is successfully listening at (?<address>https?://\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ListeningLine();
}
