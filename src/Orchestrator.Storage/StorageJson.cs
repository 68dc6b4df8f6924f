using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Orchestrator.Storage;

/// <summary>
/// The one way stored documents become bytes and back, shared by the Table and in-memory stores so both
/// round-trip the same JSON and refuse the same oversized documents.
/// </summary>
internal static class StorageJson
{
    /// <summary>Largest stored document: 15 binary properties of 60 KiB, leaving room in a 1 MiB entity for the rest.</summary>
    public const int MaxBytes = 15 * ChunkBytes;

    /// <summary>Bytes per binary property: under the 64 KiB a property may hold.</summary>
    public const int ChunkBytes = 60 * 1024;

    /// <summary>Serializes a document and checks it fits one entity.</summary>
    /// <typeparam name="T">The document type.</typeparam>
    /// <param name="value">The document.</param>
    /// <param name="typeInfo">Source-generated metadata.</param>
    /// <param name="what">What it is, for the error message.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo, string what)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        return json.Length <= MaxBytes
            ? json
            : throw new InvalidOperationException(
                $"{what} is {json.Length} bytes of JSON; a stored document holds at most {MaxBytes} bytes (one Table entity).");
    }

    /// <summary>Checks that documents stored together in one entity fit it as one document would.</summary>
    /// <param name="bytes">Their bytes of JSON together.</param>
    /// <param name="what">What they are, for the error message.</param>
    /// <exception cref="InvalidOperationException">They are larger than <see cref="MaxBytes"/>.</exception>
    public static void CheckEntity(long bytes, string what)
    {
        if (bytes > MaxBytes)
        {
            throw new InvalidOperationException(
                $"{what} is {bytes} bytes of JSON; one Table entity holds at most {MaxBytes} bytes of documents.");
        }
    }

    /// <summary>Reads a stored document.</summary>
    /// <typeparam name="T">The document type.</typeparam>
    /// <param name="json">UTF-8 JSON.</param>
    /// <param name="typeInfo">Source-generated metadata.</param>
    /// <param name="what">What it is, for the error message.</param>
    /// <returns>The document.</returns>
    public static T Deserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo, string what) =>
        JsonSerializer.Deserialize(json, typeInfo) ?? throw new InvalidDataException($"{what} is stored as JSON null.");
}
