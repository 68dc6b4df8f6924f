namespace Orchestrator.Storage.Tables.Rest;

/// <summary>The account name and key in a storage connection string, for signing requests the SDK does not send.</summary>
/// <param name="AccountName">The account name.</param>
/// <param name="AccountKey">The base64 account key.</param>
internal sealed record SharedKeyCredentials(string AccountName, string AccountKey)
{
    /// <summary>Azurite's development account, published with it; not a secret.</summary>
    private static readonly SharedKeyCredentials DevelopmentStorage = new(
        "devstoreaccount1",
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==");

    /// <summary>Reads the key from a connection string.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>The account and key; null when the string has none (a SAS, say), which leaves the call to the SDK.</returns>
    public static SharedKeyCredentials? FromConnectionString(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        string? name = null, key = null;
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var setting = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (setting.Equals("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase) && value.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return DevelopmentStorage;
            }

            if (setting.Equals("AccountName", StringComparison.OrdinalIgnoreCase))
            {
                name = value;
            }
            else if (setting.Equals("AccountKey", StringComparison.OrdinalIgnoreCase))
            {
                key = value;
            }
        }

        return name is { Length: > 0 } && key is { Length: > 0 } ? new SharedKeyCredentials(name, key) : null;
    }

    // The generated ToString would print the key into any log.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("AccountName = ").Append(AccountName);
        return true;
    }
}
