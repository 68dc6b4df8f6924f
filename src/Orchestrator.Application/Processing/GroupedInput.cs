namespace Orchestrator.Application.Processing;

/// <summary>One input of a group commit (<see cref="CustomerTransaction.RunGroupAsync"/>) with its decide phase.</summary>
/// <param name="Input">The input.</param>
/// <param name="Decide">Its decide phase.</param>
internal readonly record struct GroupedInput(CustomerInput Input, CustomerDecide Decide);
