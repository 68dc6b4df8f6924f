using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Durable.Orchestration;

/// <summary>
/// The payload of <see cref="JourneyOrchestrationNames.MigrateEvent"/>: a migration tells an orchestration to move
/// to another version of its journey at a step, or to end. Everything the move needs travels in it (or is read by an
/// activity), so a replay decides the same.
/// </summary>
/// <param name="MigrationId">The migration, for the record.</param>
/// <param name="From">The version the migration moves instances from; an orchestration on another version ignores the order.</param>
/// <param name="To">The version to move to.</param>
/// <param name="TargetStep">The step of <paramref name="To"/> to continue at; null to end the instance instead.</param>
/// <param name="EndOutcome">The outcome to end with, when <paramref name="TargetStep"/> is null.</param>
/// <param name="EndReason">The reason recorded, when <paramref name="TargetStep"/> is null.</param>
public sealed record MigrationOrder(string MigrationId, int From, int To, string? TargetStep, JourneyOutcome? EndOutcome, string? EndReason);
