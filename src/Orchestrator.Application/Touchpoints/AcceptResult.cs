namespace Orchestrator.Application.Touchpoints;

/// <summary>What happened to one accepted touchpoint.</summary>
/// <param name="Id">The touchpoint id.</param>
/// <param name="CustomerId">The customer it was resolved to (the subject, when queued before resolving).</param>
/// <param name="Status">How it was taken.</param>
public sealed record AcceptResult(string Id, string CustomerId, AcceptStatus Status);
