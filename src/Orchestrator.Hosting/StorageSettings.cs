using Microsoft.Extensions.Configuration;
using Orchestrator.Storage;

namespace Orchestrator.Hosting;

/// <summary>
/// Reads the storage account from <c>Storage</c>: a <c>ConnectionString</c> (Azurite locally), or a
/// <c>TableServiceUri</c> with the managed identity's <c>ClientId</c> (Azure, no keys); with neither, Azurite on its
/// default ports. <c>Prefix</c> goes in front of every table and queue name. <c>Mode</c> (<see cref="StorageMode"/>)
/// chooses Tables (the default) or the process's memory. <c>Tables:LeanTransport</c> (default true) sends the
/// touchpoint's point read and transaction straight to the Table REST API; false sends them through the Azure SDK.
/// </summary>
public static class StorageSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>The connection string used when no account is configured: Azurite on its default ports.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>Reads where the state is kept.</summary>
    /// <param name="section">The <c>Storage</c> section.</param>
    /// <returns>The mode; <see cref="StorageMode.Tables"/> when not set.</returns>
    /// <exception cref="InvalidOperationException">The mode is not one of <see cref="StorageMode"/>'s names.</exception>
    public static StorageMode ReadMode(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section["Mode"] switch
        {
            null or "" => StorageMode.Tables,
            var text when Enum.TryParse<StorageMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode) => mode,
            var text => throw new InvalidOperationException($"Storage:Mode is '{text}': use Tables or Memory."),
        };
    }

    /// <summary>Reads the storage options.</summary>
    /// <param name="section">The <c>Storage</c> section.</param>
    /// <returns>The options.</returns>
    public static StorageOptions Read(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var tableServiceUri = section["TableServiceUri"] is { Length: > 0 } uri ? new Uri(uri) : null;
        var connectionString = section["ConnectionString"] is { Length: > 0 } connection
            ? connection
            : tableServiceUri is null ? DevelopmentStorage : "";
        return new StorageOptions
        {
            ConnectionString = connectionString,
            TableServiceUri = tableServiceUri,
            ClientId = section["ClientId"] is { Length: > 0 } clientId ? clientId : null,
            Prefix = section["Prefix"] ?? "",
            LeanTableTransport = section["Tables:LeanTransport"] switch
            {
                null or "" => true,
                var text when bool.TryParse(text, out var lean) => lean,
                var text => throw new InvalidOperationException($"Storage:Tables:LeanTransport is '{text}': use true or false."),
            },
        };
    }
}
