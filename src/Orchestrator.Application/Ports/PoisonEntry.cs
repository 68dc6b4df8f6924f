namespace Orchestrator.Application.Ports;

/// <summary>A touchpoint kept aside because it could not be processed, with the reason.</summary>
/// <param name="Id">Poison entry id.</param>
/// <param name="Body">The touchpoint as received (CloudEvent JSON).</param>
/// <param name="Reason">Why it could not be processed.</param>
/// <param name="Source">Where it came from: <c>http</c>, <c>queue</c>, or <c>suspended</c> (a suspended instance's full buffer).</param>
/// <param name="Attempts">Processing attempts made.</param>
/// <param name="At">When it was kept aside.</param>
public sealed record PoisonEntry(string Id, string Body, string Reason, string Source, long Attempts, DateTimeOffset At);
