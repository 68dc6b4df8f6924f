using System.Text.Json;

namespace Orchestrator.Journeys.Simulation;

/// <summary>One scripted touchpoint.</summary>
/// <param name="At">When it arrives.</param>
/// <param name="Type">Event type.</param>
/// <param name="Id">Event id; defaults to <c>evt-{index}</c>.</param>
/// <param name="Source">Channel app; defaults to <c>simulator</c>.</param>
/// <param name="Data">Payload.</param>
public sealed record SimulationEvent(DateTimeOffset At, string Type, string? Id, string? Source, JsonElement? Data);
