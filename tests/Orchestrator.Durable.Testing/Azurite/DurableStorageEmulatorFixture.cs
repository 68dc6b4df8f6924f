using Xunit;

namespace Orchestrator.Durable.Testing.Azurite;

/// <summary>
/// One <see cref="DurableStorageEmulator"/> for a test class or collection: started before its first test,
/// killed after its last.
/// </summary>
/// <remarks>
/// Hosts sharing one emulator stay apart as long as their task hub names differ, which
/// <see cref="Hosting.DurableRuntimeHost"/> ensures by default.
/// </remarks>
public sealed class DurableStorageEmulatorFixture : IAsyncLifetime
{
    private DurableStorageEmulator? _emulator;

    /// <summary>The running emulator.</summary>
    /// <exception cref="InvalidOperationException">Used before xunit initialized the fixture.</exception>
    public DurableStorageEmulator Emulator =>
        _emulator ?? throw new InvalidOperationException("The storage emulator fixture is used before xunit initialized it.");

    /// <inheritdoc cref="DurableStorageEmulator.ConnectionString"/>
    public string ConnectionString => Emulator.ConnectionString;

    /// <inheritdoc/>
    public async Task InitializeAsync() => _emulator = await DurableStorageEmulator.StartAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
