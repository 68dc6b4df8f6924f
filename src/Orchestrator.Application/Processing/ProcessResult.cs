using Orchestrator.Application.Customers;

namespace Orchestrator.Application.Processing;

/// <summary>The result of processing one input for a customer.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Entry">The timeline entry written, if any.</param>
public sealed record ProcessResult(ProcessStatus Status, TimelineEntry? Entry);
