using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Orchestrator.Storage.Tables.Rest;

/// <summary>
/// Turns a Table service error into the exceptions Azure.Data.Tables throws, so callers catch one set of types
/// whichever transport sent the request: <see cref="RequestFailedException"/> with the status and error code, and
/// for a transaction <see cref="TableTransactionFailedException"/> with the failed action's index.
/// </summary>
internal static class TableServiceError
{
    // The key under which Azure.Data.Tables keeps the failed index; TableTransactionFailedException reads it back.
    private const string FailedEntityKey = "FailedEntity";

    /// <summary>The exception for a failed request.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The error body (<c>odata.error</c> JSON), possibly empty.</param>
    /// <param name="errorCodeHeader">The <c>x-ms-error-code</c> header, when present.</param>
    /// <returns>The exception.</returns>
    public static RequestFailedException Request(int status, ReadOnlySpan<byte> body, string? errorCodeHeader)
    {
        var (code, message) = Parse(body);
        return new RequestFailedException(status, Describe(status, message), code ?? errorCodeHeader, null);
    }

    /// <summary>The exception for a failed transaction; its index comes from the message's <c>{index}:</c> prefix.</summary>
    /// <param name="status">The failed operation's (or the whole request's) HTTP status.</param>
    /// <param name="body">The error body (<c>odata.error</c> JSON), possibly empty.</param>
    /// <param name="errorCodeHeader">The <c>x-ms-error-code</c> header, when present.</param>
    /// <returns>The exception.</returns>
    public static TableTransactionFailedException Transaction(int status, ReadOnlySpan<byte> body, string? errorCodeHeader)
    {
        var (code, message) = Parse(body);
        var inner = new RequestFailedException(status, Describe(status, message), code ?? errorCodeHeader, null);
        if (FailedIndex(message) is { } index)
        {
            inner.Data[FailedEntityKey] = index.ToString(CultureInfo.InvariantCulture);
        }

        return new TableTransactionFailedException(inner);
    }

    /// <summary>The index in a batch error message <c>"3:The specified entity already exists…"</c>.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The index, or null.</returns>
    public static int? FailedIndex(string? message)
    {
        var colon = message?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }

    private static string Describe(int status, string? message) =>
        message ?? string.Create(CultureInfo.InvariantCulture, $"The Table service answered {status}.");

    private static (string? Code, string? Message) Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, null);
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (!document.RootElement.TryGetProperty("odata.error", out var error))
            {
                return (null, null);
            }

            var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            var message = error.TryGetProperty("message", out var m)
                ? m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ValueKind == JsonValueKind.String ? m.GetString() : null
                : null;
            return (code, message);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page, an XML error): the status and header code still say what happened.
            return (null, null);
        }
    }
}
