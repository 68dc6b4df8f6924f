namespace Orchestrator.Durable.Testing.Azurite;

/// <summary>Where Azurite's three services listen: scheme, host and the port the operating system chose.</summary>
internal sealed record EmulatorEndpoints(Uri Blob, Uri Queue, Uri Table);
