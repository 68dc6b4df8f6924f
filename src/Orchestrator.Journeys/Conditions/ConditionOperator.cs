namespace Orchestrator.Journeys.Conditions;

/// <summary>Operators of a field condition. Their JSON names are the camel-case names.</summary>
public enum ConditionOperator
{
    /// <summary><c>eq</c>: equal.</summary>
    Eq,

    /// <summary><c>ne</c>: not equal (true when the field is missing).</summary>
    Ne,

    /// <summary><c>gt</c>: greater than.</summary>
    Gt,

    /// <summary><c>gte</c>: greater than or equal.</summary>
    Gte,

    /// <summary><c>lt</c>: less than.</summary>
    Lt,

    /// <summary><c>lte</c>: less than or equal.</summary>
    Lte,

    /// <summary><c>in</c>: equal to one element of the value array.</summary>
    In,

    /// <summary><c>notIn</c>: equal to no element of the value array (true when the field is missing).</summary>
    NotIn,

    /// <summary><c>contains</c>: string contains the value, or array contains an equal element.</summary>
    Contains,

    /// <summary><c>startsWith</c>: string starts with the value.</summary>
    StartsWith,

    /// <summary><c>exists</c>: the field is present and not null (or absent, with <c>"value": false</c>).</summary>
    Exists,
}
