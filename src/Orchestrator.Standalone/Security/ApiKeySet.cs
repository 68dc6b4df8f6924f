using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Standalone.Security;

/// <summary>The keys of one scope, kept only as SHA-256 hashes and compared in constant time.</summary>
/// <remarks>
/// The presented key is hashed first, so every comparison is over 32 bytes whatever its length, and every
/// configured key is compared (no early exit), so timing tells neither how much of a key matched nor which.
/// </remarks>
public sealed class ApiKeySet
{
    private readonly byte[][] _hashes;

    /// <summary>Creates the set.</summary>
    /// <param name="keys">The keys.</param>
    public ApiKeySet(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _hashes = [.. keys.Select(Hash)];
    }

    /// <summary>How many keys the set holds.</summary>
    public int Count => _hashes.Length;

    /// <summary>Whether a presented key is one of the set.</summary>
    /// <param name="presented">The key from the request.</param>
    /// <returns>True when it matches one.</returns>
    public bool Matches(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var hash = Hash(presented);
        var matched = false;
        foreach (var known in _hashes)
        {
            matched |= CryptographicOperations.FixedTimeEquals(hash, known);
        }

        return matched;
    }

    /// <summary>Whether any key is in both sets.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>True when they share a key.</returns>
    public bool Overlaps(ApiKeySet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _hashes.Any(mine => other._hashes.Any(theirs => mine.AsSpan().SequenceEqual(theirs)));
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
