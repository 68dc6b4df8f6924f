namespace Orchestrator.Journeys.Parsing;

/// <summary>RFC 6901 JSON pointer helpers.</summary>
public static class JsonPointer
{
    /// <summary>Escapes one reference token (<c>~</c> → <c>~0</c>, <c>/</c> → <c>~1</c>).</summary>
    /// <param name="token">A property name.</param>
    /// <returns>The escaped token.</returns>
    public static string Escape(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Appends a property name to a pointer.</summary>
    /// <param name="pointer">The parent pointer.</param>
    /// <param name="token">The property name or array index.</param>
    /// <returns>The child pointer.</returns>
    public static string Append(string pointer, string token) => $"{pointer}/{Escape(token)}";

    /// <summary>Appends an array index to a pointer.</summary>
    /// <param name="pointer">The array's pointer.</param>
    /// <param name="index">The zero-based index.</param>
    /// <returns>The item's pointer.</returns>
    public static string Append(string pointer, int index) =>
        $"{pointer}/{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
