namespace Orchestrator.Storage.Tables.Rest;

/// <summary>Where one table lives: its URL, the account's <c>$batch</c> URL, and the host the batch parts name.</summary>
internal sealed class TableAddress
{
    /// <summary>The REST API version sent, as Azure.Data.Tables 12.13 sends it.</summary>
    public const string ServiceVersion = "2020-12-06";

    /// <summary>The response format every entity call asks for (as a query, as the SDK sends it).</summary>
    public const string FormatQueryText = "?$format=application%2Fjson%3Bodata%3Dminimalmetadata";

    /// <summary>Addresses one table.</summary>
    /// <param name="accountUri">The account's table endpoint (path-style for Azurite).</param>
    /// <param name="tableName">The table's name.</param>
    public TableAddress(Uri accountUri, string tableName)
    {
        ArgumentNullException.ThrowIfNull(accountUri);
        var account = accountUri.AbsoluteUri.TrimEnd('/');
        Name = tableName;
        Url = account + "/" + tableName;
        BatchUri = new Uri(account + "/$batch");
        Host = accountUri.Host;
    }

    /// <summary><see cref="ServiceVersion"/> in UTF-8.</summary>
    public static ReadOnlySpan<byte> ServiceVersionUtf8 => "2020-12-06"u8;

    /// <summary><see cref="FormatQueryText"/> in UTF-8.</summary>
    public static ReadOnlySpan<byte> FormatQuery => "?$format=application%2Fjson%3Bodata%3Dminimalmetadata"u8;

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>The table's URL, without a trailing slash.</summary>
    public string Url { get; }

    /// <summary>The account's entity-group transaction URL.</summary>
    public Uri BatchUri { get; }

    /// <summary>The host name, as the batch parts' <c>Host</c> header carries it (no port, as the SDK writes it).</summary>
    public string Host { get; }

    /// <summary>The URI of one entity.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <returns>The URI.</returns>
    public Uri EntityUri(string partitionKey, string rowKey) =>
        new(string.Concat(Url, "(PartitionKey='", EscapeKey(partitionKey), "',RowKey='", EscapeKey(rowKey), "')", FormatQueryText));

    /// <summary>A key as the entity URI carries it: quotes doubled (OData), then percent-escaped, as the SDK does.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The escaped key; the key itself when nothing needs escaping.</returns>
    public static string EscapeKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return NeedsEscaping(key) ? Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal)) : key;
    }

    private static bool NeedsEscaping(string key)
    {
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~'))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Url;
}
