namespace Orchestrator.Journeys.Parsing;

/// <summary>One problem found in a journey definition.</summary>
/// <param name="Pointer">RFC 6901 JSON pointer to the offending value (<c>""</c> for the whole document).</param>
/// <param name="Message">Plain-language description a designer can act on.</param>
public sealed record DefinitionError(string Pointer, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Pointer.Length == 0 ? "/" : Pointer)}: {Message}";
}
