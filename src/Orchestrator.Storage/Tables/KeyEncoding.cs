using System.Text;

namespace Orchestrator.Storage.Tables;

/// <summary>
/// Turns ids into PartitionKey/RowKey values. Keys may not hold <c>/ \ # ?</c> or control characters;
/// those, and <c>%</c> itself so the mapping stays one-to-one, become <c>%XX</c> per UTF-8 byte.
/// </summary>
internal static class KeyEncoding
{
    /// <summary>Encodes one id for use in a key.</summary>
    /// <param name="value">An id: customer, instance, alias, touchpoint, journey.</param>
    /// <returns>The key text; the id itself when nothing needs escaping.</returns>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(MustEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var c in value)
        {
            if (!MustEscape(c))
            {
                builder.Append(c);
                continue;
            }

            // Every escaped character is in the BMP and not a surrogate, so it encodes on its own.
            var length = Encoding.UTF8.GetBytes([c], utf8);
            foreach (var b in utf8[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>The first key after every key that starts with <paramref name="prefix"/>, for range queries.</summary>
    /// <param name="prefix">A key prefix such as <c>instance|</c>.</param>
    /// <returns>The exclusive upper bound, such as <c>instance}</c>.</returns>
    public static string PrefixEnd(string prefix) => string.Concat(prefix.AsSpan(0, prefix.Length - 1), [(char)(prefix[^1] + 1)]);

    private static bool MustEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
