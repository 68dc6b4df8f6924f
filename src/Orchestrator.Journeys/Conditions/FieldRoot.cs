namespace Orchestrator.Journeys.Conditions;

/// <summary>What a field path starts from.</summary>
public enum FieldRoot
{
    /// <summary>The touchpoint being applied (<c>event.*</c>).</summary>
    Event,

    /// <summary>The touchpoint that started the instance (<c>trigger.*</c>).</summary>
    Trigger,

    /// <summary>Instance variables set by <c>set</c> steps (<c>vars.*</c>).</summary>
    Vars,

    /// <summary>The customer: <c>customer.id</c>, <c>customer.attributes.*</c>, <c>customer.consent.*</c>, <c>customer.facts.*</c>.</summary>
    Customer,

    /// <summary><c>instance.id</c>.</summary>
    Instance,

    /// <summary><c>journey.id</c> and <c>journey.version</c>.</summary>
    Journey,
}
