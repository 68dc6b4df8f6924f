namespace Orchestrator.Journeys.Conditions;

/// <summary>The kind of a resolved field value.</summary>
internal enum FieldValueKind : byte
{
    Missing,
    String,
    Number,
    Boolean,
    Instant,
    Array,
    Object,
}
