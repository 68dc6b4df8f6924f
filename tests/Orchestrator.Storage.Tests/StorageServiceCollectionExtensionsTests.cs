using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests
{
    private static readonly Type[] Ports =
    [
        typeof(ICustomerStore), typeof(IInstanceDirectory), typeof(ITimerStore), typeof(IDefinitionStore),
        typeof(IIdentityStore), typeof(IPoisonStore), typeof(ITouchpointInbox), typeof(IActionSink), typeof(IStorageInitializer),
    ];

    [Fact]
    public void AddTableStorage_Options_RegistersEveryPortAsSingleton()
    {
        var services = new ServiceCollection().AddTableStorage(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" });

        AssertEveryPortIsSingleton(services);
    }

    [Fact]
    public void AddInMemoryStorage_RegistersEveryPortAsSingleton() => AssertEveryPortIsSingleton(new ServiceCollection().AddInMemoryStorage());

    [Fact]
    public void AddTableStorage_InvalidPrefix_ThrowsAtRegistration() =>
        Assert.Throws<ArgumentException>(
            () => new ServiceCollection().AddTableStorage(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", Prefix = "Bad_" }));

    private static void AssertEveryPortIsSingleton(IServiceCollection services)
    {
        foreach (var port in Ports)
        {
            var descriptor = Assert.Single(services, d => d.ServiceType == port);
            Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        }
    }
}
