namespace Orchestrator.Standalone.Hosting;

/// <summary>A wait that doubles on every use, up to a ceiling, until reset.</summary>
internal sealed class BackOff
{
    private readonly TimeSpan _first;
    private readonly TimeSpan _ceiling;
    private TimeSpan _next;

    /// <summary>Creates the back-off.</summary>
    /// <param name="first">The first wait.</param>
    /// <param name="ceiling">The longest wait.</param>
    public BackOff(TimeSpan first, TimeSpan ceiling)
    {
        _first = first;
        _ceiling = ceiling;
        _next = first;
    }

    /// <summary>The wait to use now; the following one is twice as long, up to the ceiling.</summary>
    /// <returns>The wait.</returns>
    public TimeSpan Next()
    {
        var current = _next;
        _next = current * 2 < _ceiling ? current * 2 : _ceiling;
        return current;
    }

    /// <summary>Starts again from the first wait.</summary>
    public void Reset() => _next = _first;
}
