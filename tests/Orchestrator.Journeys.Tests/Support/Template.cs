using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Templates;

namespace Orchestrator.Journeys.Tests.Support;

/// <summary>Compiles templates that a test expects to be valid.</summary>
internal static class Template
{
    /// <summary>Compiles JSON text into a template, failing loudly when the reader would reject it.</summary>
    public static JsonTemplate Compile(string json)
    {
        var errors = new List<DefinitionError>();
        var template = JsonTemplate.Compile(Json.Parse(json), string.Empty, errors);
        return errors.Count == 0
            ? template
            : throw new InvalidOperationException($"Template {json} is invalid: {string.Join("; ", errors)}");
    }
}
