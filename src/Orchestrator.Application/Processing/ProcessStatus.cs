namespace Orchestrator.Application.Processing;

/// <summary>What processing one input did.</summary>
public enum ProcessStatus
{
    /// <summary>The input changed the customer's journeys; a timeline entry was written.</summary>
    Applied,

    /// <summary>The touchpoint was applied before; nothing happened again.</summary>
    Duplicate,

    /// <summary>Nothing awaited the input; only the dedupe marker and timeline record it.</summary>
    Ignored,

    /// <summary>A wake-up found nothing due (the timer was stale, or the instance ended).</summary>
    NothingDue,
}
