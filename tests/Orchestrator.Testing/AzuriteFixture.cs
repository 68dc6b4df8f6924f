namespace Orchestrator.Testing;

/// <summary>
/// One <see cref="AzuriteInstance"/> for a test class or collection: started before its first
/// test, killed after its last.
/// </summary>
/// <remarks>
/// Use it as <c>IClassFixture&lt;AzuriteFixture&gt;</c>, or as a collection fixture through a
/// <c>[CollectionDefinition]</c> class in the test project itself (xunit only looks for those in
/// the test assembly). Tests sharing one instance share its data, so each should use table and
/// queue names of its own.
/// </remarks>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? _instance;

    /// <summary>The running instance.</summary>
    /// <exception cref="InvalidOperationException">Used before xunit initialized the fixture.</exception>
    public AzuriteInstance Instance =>
        _instance ?? throw new InvalidOperationException("The Azurite fixture is used before xunit initialized it.");

    /// <inheritdoc cref="AzuriteInstance.ConnectionString"/>
    public string ConnectionString => Instance.ConnectionString;

    /// <inheritdoc cref="AzuriteInstance.TableEndpoint"/>
    public Uri TableEndpoint => Instance.TableEndpoint;

    /// <inheritdoc cref="AzuriteInstance.QueueEndpoint"/>
    public Uri QueueEndpoint => Instance.QueueEndpoint;

    /// <inheritdoc/>
    public async Task InitializeAsync() => _instance = await AzuriteInstance.StartAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_instance is not null)
        {
            await _instance.DisposeAsync();
        }
    }
}
