using System.Text.Json;

namespace Orchestrator.Conformance.Tests.Harness.Api;

/// <summary>A touchpoint as recorded in a timeline entry.</summary>
public sealed record TouchpointView(string Id, string Type, string Source, string CustomerId, DateTimeOffset Time, JsonElement? Data);
