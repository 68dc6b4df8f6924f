using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Orchestrator.Journeys.Tests.Parsing;

/// <summary>
/// Random journey documents for fuzzing: mutations of real ones, and random step graphs. Shared with the
/// host's fuzz tests, which PUT the same documents through HTTP.
/// </summary>
internal static class DefinitionMutations
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    private static readonly string[] Keys =
    [
        "id", "name", "type", "next", "steps", "start", "when", "field", "op", "value", "events", "event", "timeout", "onTimeout",
        "cases", "default", "branches", "weight", "outcome", "channel", "action", "data", "set", "duration", "until", "within",
        "all", "any", "not", "$schema", "x", "", "~/", "ünïcödé",
    ];

    private static readonly string[] StepTypes = ["send", "delay", "waitFor", "branch", "split", "set", "end", "nope", ""];

    /// <summary>One to six random deletions, replacements and insertions at random places in a random sample.</summary>
    /// <param name="samples">The documents to mutate.</param>
    /// <returns>The generator.</returns>
    public static Gen<string> Mutated(string[] samples) =>
        from sample in Gen.Choose(0, samples.Length - 1)
        from count in Gen.Choose(1, 6)
        from mutations in Gen.ListOf(Mutations(), count)
        select Apply(samples[sample], mutations);

    private static Gen<Mutation> Mutations() =>
        from kind in Gen.Elements(MutationKind.Delete, MutationKind.Replace, MutationKind.Insert)
        from target in Gen.Choose(0, int.MaxValue - 1)
        from key in Gen.Elements(Keys)
        from value in Value(3)
        select new Mutation(kind, target, key, value);

    /// <summary>A sample whose steps are replaced by up to 25 random steps of every type, wired at random.</summary>
    /// <param name="sample">The document to take everything but the steps from.</param>
    /// <returns>The generator.</returns>
    public static Gen<string> StepGraphs(string sample) =>
        from count in Gen.Choose(0, 25)
        from steps in Gen.ListOf(Step(count), count)
        from start in Gen.Choose(-1, count)
        select Graph(sample, steps, start);

    private static Gen<JsonObject> Step(int count)
    {
        var target = Gen.Choose(-1, count).Select(i => (JsonNode?)JsonValue.Create(i < 0 ? "missing" : $"s{i}"));
        return from type in Gen.Elements(StepTypes)
               from next in target
               from other in target
               from extra in Gen.Elements(0, 1, 2, 3)
               select StepOf(type, next, other, extra);
    }

    private static JsonObject StepOf(string type, JsonNode? next, JsonNode? other, int extra)
    {
        var step = new JsonObject { ["type"] = type };
        switch (type)
        {
            case "send":
                step["channel"] = "email";
                step["action"] = extra == 0 ? "{{" : "go";
                step["next"] = next;
                break;
            case "delay":
                step["duration"] = extra switch { 0 => "PT0S", 1 => "P1D", 2 => "nope", _ => "P99999999Y" };
                step["next"] = next;
                break;
            case "waitFor":
                step["events"] = new JsonArray(new JsonObject { ["event"] = "a.b", ["next"] = next });
                step["timeout"] = extra == 0 ? "PT0S" : "P1D";
                step["onTimeout"] = other;
                break;
            case "branch":
                step["cases"] = new JsonArray(new JsonObject { ["when"] = new JsonObject { ["field"] = "vars.x", ["op"] = "eq", ["value"] = extra }, ["next"] = next });
                step["default"] = other;
                break;
            case "split":
                step["branches"] = new JsonArray(
                    new JsonObject { ["weight"] = extra, ["next"] = next },
                    new JsonObject { ["weight"] = 1, ["next"] = other });
                break;
            case "set":
                step["set"] = new JsonObject { ["x"] = extra };
                step["next"] = next;
                break;
            case "end":
                step["outcome"] = extra == 0 ? "maybe" : "success";
                break;
            default:
                step["next"] = next;
                break;
        }

        return step;
    }

    private static string Graph(string sample, IEnumerable<JsonObject> generated, int start)
    {
        var steps = generated.ToList();
        var document = JsonNode.Parse(sample, NodeOptions)!.AsObject();
        var stepsObject = new JsonObject();
        for (var i = 0; i < steps.Count; i++)
        {
            stepsObject[$"s{i}"] = steps[i];
        }

        document["steps"] = stepsObject;
        document["start"] = start < 0 ? "missing" : $"s{start}";
        return document.ToJsonString();
    }

    private static Gen<string> Value(int depth)
    {
        var scalar = Gen.OneOf(
            Gen.Elements("null", "true", "false", "0", "-1", "1.5", "1e400", "-0", "9007199254740993", "\"\"", "\" \"", "\"P1D\"", "\"PT0S\"",
                "\"{{trigger.data.x}}\"", "\"{{\"", "\"s\\u0000x\"", "\"\\ud83d\\ude00\"", "\"eq\"", "\"email\"", "\"success\""),
            ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => JsonSerializer.Serialize(s.Get)),
            ArbMap.Default.GeneratorFor<int>().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (depth == 0)
        {
            return scalar;
        }

        var inner = Value(depth - 1);
        var array = Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(inner, n)).Select(items => $"[{string.Join(",", items)}]");
        var obj = from n in Gen.Choose(0, 3)
                  from keys in Gen.ListOf(Gen.Elements(Keys), n)
                  from values in Gen.ListOf(inner, n)
                  select "{" + string.Join(",", keys.Zip(values).DistinctBy(p => p.First).Select(p => $"{JsonSerializer.Serialize(p.First)}:{p.Second}")) + "}";
        var deepCondition = Gen.Choose(1, 40).Select(NestedCondition);
        return Gen.Frequency((6, scalar), (2, array), (2, obj), (1, deepCondition));
    }

    private static string Apply(string json, IEnumerable<Mutation> mutations)
    {
        var root = JsonNode.Parse(json, NodeOptions)!;
        foreach (var mutation in mutations)
        {
            var containers = Containers(root).ToList();
            var (container, _) = containers[mutation.Target % containers.Count];
            var value = JsonNode.Parse(mutation.Value, NodeOptions, new JsonDocumentOptions { MaxDepth = 256 });
            switch (container)
            {
                case JsonObject obj when obj.Count > 0 && mutation.Kind != MutationKind.Insert:
                    var name = obj.ElementAt(mutation.Target % obj.Count).Key;
                    if (mutation.Kind == MutationKind.Delete)
                    {
                        obj.Remove(name);
                    }
                    else
                    {
                        obj[name] = value;
                    }

                    break;
                case JsonObject obj:
                    obj[mutation.Key] = value;
                    break;
                case JsonArray array when array.Count > 0 && mutation.Kind != MutationKind.Insert:
                    var index = mutation.Target % array.Count;
                    if (mutation.Kind == MutationKind.Delete)
                    {
                        array.RemoveAt(index);
                    }
                    else
                    {
                        array[index] = value;
                    }

                    break;
                case JsonArray array:
                    array.Insert(mutation.Target % (array.Count + 1), value);
                    break;
            }
        }

        return root.ToJsonString();
    }

    private static IEnumerable<(JsonNode Node, int Depth)> Containers(JsonNode? node, int depth = 0)
    {
        if (node is JsonObject or JsonArray)
        {
            yield return (node, depth);
        }

        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Containers(child, depth + 1))
            {
                yield return descendant;
            }
        }
    }

    private static string NestedCondition(int depth)
    {
        var condition = """{ "field": "event.type", "op": "exists" }""";
        for (var i = 1; i < depth; i++)
        {
            condition = $$"""{ "not": {{condition}} }""";
        }

        return condition;
    }

    private enum MutationKind
    {
        Delete,
        Replace,
        Insert,
    }

    private sealed record Mutation(MutationKind Kind, int Target, string Key, string Value);
}
