namespace Orchestrator.Journeys.Customers;

/// <summary>The customer's consent for one channel, as last set.</summary>
/// <param name="Status">Opted in or out.</param>
/// <param name="At">When it was given or withdrawn.</param>
/// <param name="Source">Who recorded it (the touchpoint's source, or <c>api</c>), when known.</param>
public sealed record ChannelConsent(ConsentStatus Status, DateTimeOffset At, string? Source);
