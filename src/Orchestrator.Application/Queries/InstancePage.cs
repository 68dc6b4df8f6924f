namespace Orchestrator.Application.Queries;

/// <summary>One page of an instance listing.</summary>
/// <param name="Instances">The instances of this page that passed the status filter, in instance-id order.</param>
/// <param name="ContinuationToken">Opaque token for the next page (Durable's <c>x-ms-continuation-token</c>); null when this is the last.</param>
public sealed record InstancePage(IReadOnlyList<InstanceStatus> Instances, string? ContinuationToken);
