namespace Orchestrator.Http.Contracts;

/// <summary>The answer to a validation that found nothing wrong.</summary>
/// <param name="Valid">Always true; problems come back as a 400 problem instead.</param>
public sealed record DefinitionValid(bool Valid);
