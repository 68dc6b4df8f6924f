using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application;
using Orchestrator.Application.Ports;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Hosting.Tests;

public sealed class OrchestratorServiceCollectionExtensionsTests
{
    [Fact]
    public void AddOrchestrator_SendRulesPresetNone_ReachesTheApplicationOptions()
    {
        using var services = Build(new() { ["Orchestrator:SendRules:Preset"] = "none", ["Orchestrator:MaxConflictRetries"] = "7" });

        var options = services.GetRequiredService<ApplicationOptions>();

        Assert.Empty(options.SendRules.Caps);
        Assert.Empty(options.SendRules.QuietHours);
        Assert.Equal(7, options.MaxConflictRetries);
    }

    [Fact]
    public void AddOrchestrator_ProfileTouchpointTypeAndRequireOptIn_ReachTheApplicationOptions()
    {
        using var services = Build(new() { ["Orchestrator:ProfileTouchpointType"] = "crm.profile.changed", ["Orchestrator:SendRules:RequireOptIn"] = "true" });

        var options = services.GetRequiredService<ApplicationOptions>();

        Assert.Equal("crm.profile.changed", options.ProfileTouchpointType);
        Assert.True(options.SendRules.RequireOptIn);
    }

    [Fact]
    public void AddOrchestrator_NothingConfigured_CustomerUpdatedChangesProfilesAndOptInIsNotRequired()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<ApplicationOptions>();

        Assert.Equal("customer.updated", options.ProfileTouchpointType);
        Assert.False(options.SendRules.RequireOptIn);
    }

    [Fact]
    public void StorageSettings_TableServiceUriWithClientId_UsesTheIdentityAndNoConnectionString()
    {
        var storage = StorageSettings.Read(Section(new()
        {
            ["Storage:TableServiceUri"] = "https://account.table.core.windows.net",
            ["Storage:ClientId"] = "00000000-0000-0000-0000-000000000001",
            ["Storage:Prefix"] = "prod",
        }));

        Assert.Equal("", storage.ConnectionString);
        Assert.Equal(new Uri("https://account.table.core.windows.net"), storage.TableServiceUri);
        Assert.Equal("00000000-0000-0000-0000-000000000001", storage.ClientId);
        Assert.Equal("prod", storage.Prefix);
    }

    [Fact]
    public void StorageSettings_NothingConfigured_IsAzuriteOnItsDefaultPorts()
    {
        var storage = StorageSettings.Read(Section([]));

        Assert.Equal(StorageSettings.DevelopmentStorage, storage.ConnectionString);
        Assert.Null(storage.TableServiceUri);
        Assert.True(storage.LeanTableTransport);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("true", true)]
    public void StorageSettings_TablesLeanTransport_IsRead(string value, bool expected)
    {
        var storage = StorageSettings.Read(Section(new() { ["Storage:Tables:LeanTransport"] = value }));

        Assert.Equal(expected, storage.LeanTableTransport);
    }

    [Fact]
    public void StorageSettings_TablesLeanTransportNotABoolean_StopsTheHostNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageSettings.Read(Section(new() { ["Storage:Tables:LeanTransport"] = "maybe" })));

        Assert.Contains("Storage:Tables:LeanTransport", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOrchestrator_StorageModeMemory_KeepsTheStateInTheProcess()
    {
        using var services = Build(new() { ["Storage:Mode"] = "memory" });

        Assert.IsType<InMemoryCustomerStore>(services.GetRequiredService<ICustomerStore>());
        Assert.IsType<InMemoryActionSink>(services.GetRequiredService<IActionSink>());
    }

    [Fact]
    public void AddOrchestrator_NoStorageMode_UsesTables()
    {
        using var services = Build([]);

        Assert.DoesNotContain("Memory", services.GetRequiredService<ICustomerStore>().GetType().Name, StringComparison.Ordinal);
    }

    [Fact]
    public void StorageSettings_UnknownMode_SaysWhichModesExist()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageSettings.ReadMode(Section(new() { ["Storage:Mode"] = "Cosmos" })));

        Assert.Equal("Storage:Mode is 'Cosmos': use Tables or Memory.", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> values) =>
        new ServiceCollection().AddOrchestrator(new ConfigurationBuilder().AddInMemoryCollection(values).Build()).BuildServiceProvider();

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(StorageSettings.Section);
}
