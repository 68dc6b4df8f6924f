namespace Orchestrator.Http;

/// <summary>Binary-mode CloudEvent attributes from <c>ce-*</c> HTTP headers (CloudEvents HTTP binding 1.0).</summary>
public static class CloudEventHeaders
{
    private const string Prefix = "ce-";

    /// <summary>Every <c>ce-</c> header, by attribute name (lower case, prefix removed), percent-decoded as the binding requires.</summary>
    /// <param name="headers">The request headers.</param>
    /// <returns>The attributes.</returns>
    public static IReadOnlyDictionary<string, string> Read(IHeaderDictionary headers)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in headers)
        {
            if (name.Length > Prefix.Length && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                attributes[name[Prefix.Length..].ToLowerInvariant()] = Uri.UnescapeDataString(values.ToString());
            }
        }

        return attributes;
    }
}
