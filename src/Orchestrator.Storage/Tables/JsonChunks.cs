using Azure.Data.Tables;

namespace Orchestrator.Storage.Tables;

/// <summary>
/// Stores a JSON document as UTF-8 binary properties <c>{name}</c>, <c>{name}1</c>, <c>{name}2</c>…, because one
/// property holds at most 64 KiB and a string property only 32K characters.
/// </summary>
internal static class JsonChunks
{
    /// <summary>Writes a document onto an entity.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="name">Base property name.</param>
    /// <param name="json">UTF-8 JSON, already checked against <see cref="StorageJson.MaxBytes"/>.</param>
    public static void Write(TableEntity entity, string name, byte[] json)
    {
        if (json.Length <= StorageJson.ChunkBytes)
        {
            entity[name] = json;
            return;
        }

        for (int index = 0, offset = 0; offset < json.Length; index++, offset += StorageJson.ChunkBytes)
        {
            var length = Math.Min(StorageJson.ChunkBytes, json.Length - offset);
            entity[PropertyName(name, index)] = json.AsSpan(offset, length).ToArray();
        }
    }

    /// <summary>Reads a document back.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="name">Base property name.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] Read(TableEntity entity, string name)
    {
        var first = entity.GetBinary(name)
            ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} has no '{name}' property.");
        if (entity.GetBinary(PropertyName(name, 1)) is null)
        {
            return first;
        }

        using var buffer = new MemoryStream(first.Length * 2);
        buffer.Write(first);
        for (var index = 1; entity.GetBinary(PropertyName(name, index)) is { } chunk; index++)
        {
            buffer.Write(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>Bytes of JSON an entity carries, in all its chunked documents.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The byte count.</returns>
    public static long Bytes(TableEntity entity) => entity.Select(property => property.Value).OfType<byte[]>().Sum(chunk => (long)chunk.Length);

    private static string PropertyName(string name, int index) =>
        index == 0 ? name : string.Concat(name, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
