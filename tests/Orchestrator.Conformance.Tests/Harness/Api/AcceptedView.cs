namespace Orchestrator.Conformance.Tests.Harness.Api;

/// <summary>How one touchpoint was taken: <c>Applied</c>, <c>Duplicate</c> or <c>Queued</c>.</summary>
public sealed record AcceptedView(string Id, string CustomerId, string Status)
{
    public const string Applied = "Applied";
    public const string Duplicate = "Duplicate";
}
