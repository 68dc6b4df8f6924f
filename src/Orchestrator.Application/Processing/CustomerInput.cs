using Orchestrator.Journeys;

namespace Orchestrator.Application.Processing;

/// <summary>
/// What a customer transaction applies: a closed set of inputs, each naming its customer, the timeline kind its
/// entry records, the touchpoint the entry shows and the touchpoint id whose dedupe marker the commit writes.
/// </summary>
/// <remarks>
/// The timeline kinds (<c>touchpoint</c>, <c>wakeUp</c>, <c>terminate</c>…) are part of the API: the customer
/// timeline shows them, so each input maps to exactly the string it has always recorded.
/// </remarks>
public abstract record CustomerInput
{
    // Closed: only the nested records below derive.
    private CustomerInput(string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        CustomerId = customerId;
    }

    /// <summary>The customer whose partition the input changes.</summary>
    public string CustomerId { get; }

    /// <summary>The kind its timeline entry records.</summary>
    public abstract string TimelineKind { get; }

    /// <summary>The touchpoint its timeline entry shows, if any.</summary>
    public virtual Touchpoint? Shown => null;

    /// <summary>
    /// The touchpoint id whose dedupe marker the commit writes: an ingress's touchpoint only, never one an activity or
    /// an operator merely shows.
    /// </summary>
    public virtual string? DedupeId => null;

    /// <summary>A touchpoint applied by the standalone runtime: delivered to awaiting instances, starting journeys.</summary>
    /// <param name="Touchpoint">The touchpoint, its customer resolved.</param>
    public sealed record TouchpointArrived(Touchpoint Touchpoint) : CustomerInput(Touchpoint.CustomerId)
    {
        /// <inheritdoc />
        public override string TimelineKind => "touchpoint";

        /// <inheritdoc />
        public override Touchpoint? Shown => Touchpoint;

        /// <inheritdoc />
        public override string? DedupeId => Touchpoint.Id;
    }

    /// <summary>An instance's timer is due: the engine's wake-up, and the release of deferred actions that are due.</summary>
    /// <param name="Customer">The customer.</param>
    /// <param name="InstanceId">The instance.</param>
    public sealed record WakeUpDue(string Customer, string InstanceId) : CustomerInput(Customer)
    {
        /// <inheritdoc />
        public override string TimelineKind => "wakeUp";
    }

    /// <summary>An operator's command on one instance.</summary>
    /// <param name="Customer">The customer.</param>
    /// <param name="InstanceId">The instance.</param>
    /// <param name="Command">The command.</param>
    /// <param name="Raised">For <see cref="OperatorCommand.RaiseEvent"/>, the touchpoint raised; shown, not deduplicated.</param>
    public sealed record OperatorRequested(string Customer, string InstanceId, OperatorCommand Command, Touchpoint? Raised = null) : CustomerInput(Customer)
    {
        /// <inheritdoc />
        public override string TimelineKind => Command switch
        {
            OperatorCommand.Stop => "stop",
            OperatorCommand.Terminate => "terminate",
            OperatorCommand.Suspend => "suspend",
            OperatorCommand.Resume => "resume",
            OperatorCommand.RaiseEvent => "raiseEvent",
            _ => throw new InvalidOperationException($"Unknown operator command {Command}."),
        };

        /// <inheritdoc />
        public override Touchpoint? Shown => Raised;
    }

    /// <summary>A change of the customer's profile through the profile route.</summary>
    /// <param name="Customer">The customer.</param>
    public sealed record ProfileEdited(string Customer) : CustomerInput(Customer)
    {
        /// <inheritdoc />
        public override string TimelineKind => "profile";
    }

    /// <summary>A migration's move of one instance kept in the customer's partition.</summary>
    /// <param name="Customer">The customer.</param>
    /// <param name="InstanceId">The instance.</param>
    public sealed record Migrated(string Customer, string InstanceId) : CustomerInput(Customer)
    {
        /// <inheritdoc />
        public override string TimelineKind => "migrate";
    }

    /// <summary>A touchpoint routed for the Durable runtime: recorded, its orchestrations started and raised after.</summary>
    /// <param name="Touchpoint">The touchpoint, its customer resolved.</param>
    public sealed record DurableRouted(Touchpoint Touchpoint) : CustomerInput(Touchpoint.CustomerId)
    {
        /// <inheritdoc />
        public override string TimelineKind => "touchpoint";

        /// <inheritdoc />
        public override Touchpoint? Shown => Touchpoint;

        /// <inheritdoc />
        public override string? DedupeId => Touchpoint.Id;
    }

    /// <summary>A transition a Durable orchestration made, recorded by its activity.</summary>
    /// <param name="Customer">The customer.</param>
    /// <param name="InstanceId">The instance.</param>
    /// <param name="Cause">What moved the orchestration.</param>
    /// <param name="Touchpoint">The touchpoint it applied, shown (its marker is the ingress's).</param>
    public sealed record DurableTransition(string Customer, string InstanceId, TransitionCause Cause, Touchpoint? Touchpoint) : CustomerInput(Customer)
    {
        /// <inheritdoc />
        public override string TimelineKind => Cause switch
        {
            TransitionCause.Touchpoint => "touchpoint",
            TransitionCause.WakeUp => "wakeUp",
            TransitionCause.Migration => "migrate",
            _ => throw new InvalidOperationException($"Unknown transition cause {Cause}."),
        };

        /// <inheritdoc />
        public override Touchpoint? Shown => Touchpoint;
    }

    /// <summary>A Durable instance's deferred actions released when due.</summary>
    /// <param name="Customer">The customer.</param>
    /// <param name="InstanceId">The instance.</param>
    public sealed record DurableRelease(string Customer, string InstanceId) : CustomerInput(Customer)
    {
        /// <inheritdoc />
        public override string TimelineKind => "wakeUp";
    }

    /// <summary>A Durable instance reports touchpoints applied, so its partition stops keeping them.</summary>
    /// <param name="Customer">The customer.</param>
    /// <param name="InstanceId">The instance.</param>
    public sealed record DurableApplied(string Customer, string InstanceId) : CustomerInput(Customer)
    {
        /// <inheritdoc />
        public override string TimelineKind => "applied";
    }
}
