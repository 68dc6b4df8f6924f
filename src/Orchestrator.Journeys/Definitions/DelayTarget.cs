using Orchestrator.Journeys.Conditions;

namespace Orchestrator.Journeys.Definitions;

/// <summary>
/// What a <c>delay</c> step waits for. The set is closed: <see cref="FixedDelay"/>, <see cref="InstantFromField"/>
/// and <see cref="WindowOpening"/>, and <see cref="Match{TResult}"/> makes every caller handle each of them.
/// </summary>
/// <remarks>
/// A union rather than three nullable fields, so a delay with none or two of them cannot be built: the reader reports
/// such a definition and never constructs one.
/// </remarks>
public abstract record DelayTarget
{
    // Only the three kinds below derive from it: the set is closed.
    private protected DelayTarget()
    {
    }

    /// <summary>Calls the function for this kind of delay.</summary>
    /// <typeparam name="TResult">The result.</typeparam>
    /// <param name="duration">For a fixed duration.</param>
    /// <param name="until">For an instant read from a field.</param>
    /// <param name="window">For the next opening of a local-time window.</param>
    /// <returns>What the function returned.</returns>
    public abstract TResult Match<TResult>(Func<TimeSpan, TResult> duration, Func<FieldPath, TResult> until, Func<TimeWindow, TResult> window);
}

/// <summary>Waits a fixed duration (<c>duration</c>).</summary>
/// <param name="Duration">How long; zero is allowed.</param>
public sealed record FixedDelay(TimeSpan Duration) : DelayTarget
{
    /// <inheritdoc />
    public override TResult Match<TResult>(Func<TimeSpan, TResult> duration, Func<FieldPath, TResult> until, Func<TimeWindow, TResult> window)
    {
        ArgumentNullException.ThrowIfNull(duration);
        return duration(Duration);
    }
}

/// <summary>Waits until the ISO 8601 instant a field holds (<c>until</c>).</summary>
/// <param name="Field">The field.</param>
public sealed record InstantFromField(FieldPath Field) : DelayTarget
{
    /// <inheritdoc />
    public override TResult Match<TResult>(Func<TimeSpan, TResult> duration, Func<FieldPath, TResult> until, Func<TimeWindow, TResult> window)
    {
        ArgumentNullException.ThrowIfNull(until);
        return until(Field);
    }
}

/// <summary>Waits until a local-time window is open (<c>window</c>).</summary>
/// <param name="Window">The window.</param>
public sealed record WindowOpening(TimeWindow Window) : DelayTarget
{
    /// <inheritdoc />
    public override TResult Match<TResult>(Func<TimeSpan, TResult> duration, Func<FieldPath, TResult> until, Func<TimeWindow, TResult> window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window(Window);
    }
}
