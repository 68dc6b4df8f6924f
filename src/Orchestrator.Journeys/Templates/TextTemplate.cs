using System.Text;
using System.Text.Json;
using Orchestrator.Journeys.Conditions;

namespace Orchestrator.Journeys.Templates;

/// <summary>
/// A string with placeholders. A string that is exactly one placeholder renders the field's JSON value
/// unchanged (a number stays a number; a missing field renders null); otherwise placeholders are
/// replaced by the field's text and a missing field by nothing.
/// </summary>
/// <param name="Parts">Literal text (<see cref="string"/>) and fields (<see cref="FieldPath"/>) in order.</param>
public sealed record TextTemplate(IReadOnlyList<object> Parts) : JsonTemplate
{
    /// <inheritdoc />
    public override bool IsConstant => false;

    /// <summary>Compiles a string; <paramref name="template"/> is null when it holds no placeholder.</summary>
    /// <param name="text">The string as written.</param>
    /// <param name="template">The compiled template, or null for a plain string.</param>
    /// <param name="error">Why the string is not a valid template.</param>
    /// <returns>Whether the string is valid.</returns>
    public static bool TryCompile(string text, out TextTemplate? template, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        template = null;
        error = null;
        if (!text.Contains("{{", StringComparison.Ordinal))
        {
            return true;
        }

        var parts = new List<object>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(text[position..]);
                break;
            }

            if (open > position)
            {
                parts.Add(text[position..open]);
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"template '{text}' has a '{{{{' with no closing '}}}}'";
                return false;
            }

            if (!FieldPath.TryParse(text[(open + 2)..close].Trim(), out var path, out var pathError))
            {
                error = $"template '{text}': {pathError}";
                return false;
            }

            parts.Add(path);
            position = close + 2;
        }

        template = new TextTemplate(parts);
        return true;
    }

    internal override void Write(Utf8JsonWriter writer, in EvaluationScope scope)
    {
        if (Parts is [FieldPath single])
        {
            var value = scope.Resolve(single);
            if (value.IsMissing)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteRawValue(value.ToJson(), skipInputValidation: true);
            }

            return;
        }

        writer.WriteStringValue(RenderText(scope));
    }

    /// <summary>Renders the template as text.</summary>
    /// <param name="scope">What placeholders read.</param>
    /// <returns>The text.</returns>
    public string RenderText(in EvaluationScope scope)
    {
        var builder = new StringBuilder();
        foreach (var part in Parts)
        {
            if (part is FieldPath path)
            {
                var value = scope.Resolve(path);
                builder.Append(value.Kind switch
                {
                    FieldValueKind.Missing => string.Empty,
                    FieldValueKind.String or FieldValueKind.Instant => value.Text,
                    _ => value.ToJson(),
                });
            }
            else
            {
                builder.Append((string)part);
            }
        }

        return builder.ToString();
    }
}
