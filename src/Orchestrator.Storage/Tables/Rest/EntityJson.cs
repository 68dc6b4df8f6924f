using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Orchestrator.Storage.Tables.Rest;

/// <summary>
/// An entity as the Table service's JSON (<c>odata=minimalmetadata</c>), written and read the way Azure.Data.Tables
/// does, so a row reads back with the same property types whichever client wrote it: Int64, DateTime, Binary, Guid
/// and Double carry an <c>@odata.type</c> annotation, Int32, Boolean and String none.
/// </summary>
internal static class EntityJson
{
    private const string TypeSuffix = "@odata.type";
    private const string ETagProperty = "odata.etag";
    private const string TimestampProperty = "Timestamp";

    /// <summary>Whether every property has a type the Table service stores (and this writer knows).</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>True when <see cref="Write"/> can write it.</returns>
    public static bool CanWrite(TableEntity entity) => entity.All(property =>
        property.Value is null or string or byte[] or long or int or bool or double or DateTimeOffset or DateTime or Guid);

    /// <summary>Writes an entity's properties; its ETag and Timestamp are the service's and stay out.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="entity">The entity.</param>
    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in entity)
        {
            if (name is ETagProperty or TimestampProperty)
            {
                continue;
            }

            switch (value)
            {
                case null:
                    break;
                case string text:
                    writer.WriteString(name, text);
                    break;
                case int number:
                    writer.WriteNumber(name, number);
                    break;
                case bool flag:
                    writer.WriteBoolean(name, flag);
                    break;
                case byte[] bytes:
                    writer.WriteBase64String(name, bytes);
                    Annotate(writer, name, "Edm.Binary"u8);
                    break;
                case long number:
                    WriteInt64(writer, name, number);
                    break;
                case double number when double.IsFinite(number):
                    writer.WriteNumber(name, number);
                    Annotate(writer, name, "Edm.Double"u8);
                    break;
                case double number:
                    writer.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
                    Annotate(writer, name, "Edm.Double"u8);
                    break;
                case DateTimeOffset time:
                    WriteTime(writer, name, time.UtcDateTime);
                    break;
                case DateTime time:
                    WriteTime(writer, name, time.ToUniversalTime());
                    break;
                case Guid guid:
                    writer.WriteString(name, guid);
                    Annotate(writer, name, "Edm.Guid"u8);
                    break;
                default:
                    throw new NotSupportedException($"Property '{name}' has type {value.GetType().Name}, which Table storage does not store.");
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads an entity as Azure.Data.Tables would: typed by its annotations, with its ETag and Timestamp.</summary>
    /// <param name="json">The response body.</param>
    /// <param name="eTag">The response's ETag header, used when the body carries none.</param>
    /// <returns>The entity.</returns>
    public static TableEntity Read(ReadOnlySpan<byte> json, string? eTag)
    {
        var entity = new TableEntity();
        var reader = new Utf8JsonReader(json);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);

        // The service puts an annotation before its property; the SDK's writer puts it after. Both are honoured.
        string? pendingName = null;
        var pendingType = EdmType.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("odata.metadata"u8))
            {
                reader.Skip();
                continue;
            }

            var name = reader.GetString()!;
            Expect(reader.Read());
            if (name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                var type = TypeOf(ref reader);
                var property = name[..^TypeSuffix.Length];
                if (entity.TryGetValue(property, out var already) && already is string text)
                {
                    entity[property] = Convert(text, type);
                }
                else
                {
                    (pendingName, pendingType) = (property, type);
                }

                continue;
            }

            var annotated = pendingName is not null && string.Equals(pendingName, name, StringComparison.Ordinal) ? pendingType : EdmType.None;
            pendingName = null;
            if (name == ETagProperty)
            {
                entity.ETag = new ETag(reader.GetString() ?? "");
                continue;
            }

            if (name == TimestampProperty && reader.TokenType == JsonTokenType.String)
            {
                entity.Timestamp = ReadTime(ref reader);
                continue;
            }

            if (ReadValue(ref reader, annotated) is { } value)
            {
                entity[name] = value;
            }
        }

        if (eTag is not null && !entity.ContainsKey(ETagProperty))
        {
            entity.ETag = new ETag(eTag);
        }

        return entity;
    }

    private static object? ReadValue(ref Utf8JsonReader reader, EdmType type) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number when type == EdmType.Double => reader.GetDouble(),
        JsonTokenType.Number when type == EdmType.Int64 => reader.GetInt64(),
        JsonTokenType.Number => reader.TryGetInt32(out var number) ? (object)number : reader.GetDouble(),
        JsonTokenType.String => type switch
        {
            EdmType.Binary => reader.GetBytesFromBase64(),
            EdmType.Int64 when !reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out long number, out var used) && used == reader.ValueSpan.Length => number,
            EdmType.DateTime => ReadTime(ref reader),
            EdmType.Guid => reader.GetGuid(),
            EdmType.None => reader.GetString(),
            _ => Convert(reader.GetString()!, type),
        },
        _ => throw new InvalidDataException($"Unexpected {reader.TokenType} in an entity."),
    };

    private static DateTimeOffset ReadTime(ref Utf8JsonReader reader) => reader.TryGetDateTimeOffset(out var time)
        ? time.ToUniversalTime()
        : DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static object Convert(string text, EdmType type) => type switch
    {
        EdmType.Binary => System.Convert.FromBase64String(text),
        EdmType.Int64 => long.Parse(text, CultureInfo.InvariantCulture),
        EdmType.DateTime => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        EdmType.Guid => Guid.Parse(text, CultureInfo.InvariantCulture),
        EdmType.Double => double.Parse(text, CultureInfo.InvariantCulture),
        _ => text,
    };

    private static EdmType TypeOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("Edm.Int64"u8) ? EdmType.Int64
        : reader.ValueTextEquals("Edm.Binary"u8) ? EdmType.Binary
        : reader.ValueTextEquals("Edm.DateTime"u8) ? EdmType.DateTime
        : reader.ValueTextEquals("Edm.Guid"u8) ? EdmType.Guid
        : reader.ValueTextEquals("Edm.Double"u8) ? EdmType.Double
        : EdmType.None;

    private static void WriteInt64(Utf8JsonWriter writer, string name, long number)
    {
        // As a string: JSON numbers lose precision past 2^53 in most readers.
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(number, digits, out var length);
        writer.WriteString(name, digits[..length]);
        Annotate(writer, name, "Edm.Int64"u8);
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTime utc)
    {
        // Seven fraction digits and 'Z', as the SDK writes: the service keeps ticks.
        Span<char> text = stackalloc char[28];
        utc.TryFormat(text, out var length, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..length]);
        Annotate(writer, name, "Edm.DateTime"u8);
    }

    private static void Annotate(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> type)
    {
        Span<char> annotation = stackalloc char[name.Length + TypeSuffix.Length];
        name.CopyTo(annotation);
        TypeSuffix.CopyTo(annotation[name.Length..]);
        writer.WriteString(annotation, type);
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new InvalidDataException("The Table service answered with something other than an entity.");
        }
    }

    private enum EdmType
    {
        None,
        Int64,
        Binary,
        DateTime,
        Guid,
        Double,
    }
}
