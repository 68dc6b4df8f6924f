namespace Orchestrator.Journeys.Tests.Properties;

/// <summary>One generated input, applied after the clock moves on by <see cref="Advance"/>.</summary>
internal abstract record Move(TimeSpan Advance);

/// <summary>A touchpoint of <paramref name="Type"/> with a JSON payload (null: none).</summary>
internal sealed record TouchMove(TimeSpan Advance, string Type, string? Data) : Move(Advance)
{
    public override string ToString() => $"+{Advance} {Type} {Data}";
}

/// <summary>A wake-up at whatever time the clock has reached: early, late, repeated or on time.</summary>
internal sealed record WakeMove(TimeSpan Advance) : Move(Advance)
{
    public override string ToString() => $"+{Advance} wake-up";
}

/// <summary>A wake-up exactly at the instance's <c>NextWakeUpAt</c> (at the current time if there is none, or it has passed).</summary>
internal sealed record WakeWhenDueMove() : Move(TimeSpan.Zero)
{
    public override string ToString() => "wake-up when due";
}

/// <summary>An operator stop.</summary>
internal sealed record StopMove(TimeSpan Advance) : Move(Advance)
{
    public override string ToString() => $"+{Advance} stop";
}
