namespace Orchestrator.Application.Operations;

/// <summary>What an operator's command on one instance did, in the terms the Durable HTTP API answers with.</summary>
public enum OperationStatus
{
    /// <summary>Done (or nothing to do, such as suspending a suspended instance); Durable answers 202.</summary>
    Accepted,

    /// <summary>No such instance; Durable answers 404.</summary>
    NotFound,

    /// <summary>The instance already completed, failed or was terminated; Durable answers 410.</summary>
    Gone,
}
