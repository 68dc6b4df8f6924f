using System.Text.RegularExpressions;

namespace Orchestrator.Journeys.Customers;

/// <summary>The naming rules of profile attributes and channels; the JSON Schema carries the same patterns.</summary>
public static partial class ProfileNames
{
    /// <summary>Whether a name is a valid attribute name: an identifier of up to 64 characters.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsAttributeName(string name) => AttributeName().IsMatch(name);

    /// <summary>Whether a name is a valid channel name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsChannel(string name) => Channel().IsMatch(name);

    // \z rather than $, which would also accept a trailing newline.
    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeName();

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Channel();
}
