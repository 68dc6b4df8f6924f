using System.Text.RegularExpressions;

namespace Orchestrator.Testing;

/// <summary>
/// Reads Azurite's stdout for the lines saying its Blob, Queue and Table services listen, and the
/// addresses they report, which carry the ports the operating system chose for port 0.
/// </summary>
internal sealed partial class AzuriteReadiness
{
    private readonly TaskCompletionSource<(Uri Blob, Uri Queue, Uri Table)> _ready =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly Lock _gate = new();
    private Uri? _blob;
    private Uri? _queue;
    private Uri? _table;

    /// <summary>
    /// Completes with the Blob, Queue and Table service addresses (scheme, host and port) once all
    /// three listen; fails if stdout ends first, which means Azurite exited.
    /// </summary>
    public Task<(Uri Blob, Uri Queue, Uri Table)> Ready => _ready.Task;

    /// <summary>Takes one stdout line; <see langword="null"/> marks the end of the stream.</summary>
    public void OnOutputLine(string? line)
    {
        if (line is null)
        {
            _ready.TrySetException(new InvalidOperationException(
                "Azurite exited before its Blob, Queue and Table services were all listening."));
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
                case "Blob":
                    _blob = address;
                    break;
                case "Queue":
                    _queue = address;
                    break;
                case "Table":
                    _table = address;
                    break;
                default:
                    return;
            }

            if (_blob is not null && _queue is not null && _table is not null)
            {
                _ready.TrySetResult((_blob, _queue, _table));
            }
        }
    }

    // Printed by azurite.js after each server's listen() succeeded, with the bound address.
    [GeneratedRegex(@"^Azurite (?<service>Blob|Queue|Table) service is successfully listening at (?<address>https?://\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ListeningLine();
}
