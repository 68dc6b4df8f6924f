namespace Orchestrator.Journeys.Conditions;

/// <summary>The touchpoint attribute an <c>event.*</c> or <c>trigger.*</c> path reads.</summary>
public enum TouchpointField
{
    /// <summary>Not a touchpoint path.</summary>
    None,

    /// <summary><c>id</c>.</summary>
    Id,

    /// <summary><c>type</c>.</summary>
    Type,

    /// <summary><c>source</c>.</summary>
    Source,

    /// <summary><c>time</c>, compared as an instant.</summary>
    Time,

    /// <summary><c>subject</c>: the resolved customer id.</summary>
    Subject,

    /// <summary><c>data</c> and anything below it.</summary>
    Data,
}
