namespace Orchestrator.Application.Processing;

/// <summary>An operator's command on one instance, as <see cref="CustomerInput.OperatorRequested"/> carries it.</summary>
public enum OperatorCommand
{
    /// <summary>Stopped when its version is retired (outcome <c>stopped</c>, still Completed).</summary>
    Stop,

    /// <summary>Ended by an operator, runtime status Terminated.</summary>
    Terminate,

    /// <summary>Suspended: touchpoints buffered, wake-ups postponed.</summary>
    Suspend,

    /// <summary>Resumed: the buffer applied in order.</summary>
    Resume,

    /// <summary>One event delivered to one instance.</summary>
    RaiseEvent,
}
