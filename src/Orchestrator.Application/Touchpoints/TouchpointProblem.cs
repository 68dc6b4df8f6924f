namespace Orchestrator.Application.Touchpoints;

/// <summary>Why a touchpoint was rejected, naming the CloudEvents attribute (or JSON pointer) at fault.</summary>
/// <param name="Attribute">The attribute, such as <c>subject</c>, or <c>/3/subject</c> inside a batch; empty for the whole event.</param>
/// <param name="Message">Plain-language reason.</param>
public sealed record TouchpointProblem(string Attribute, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Attribute.Length == 0 ? Message : $"{Attribute}: {Message}";
}
