using System.Text.Json;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Templates;

namespace Orchestrator.Journeys.Parsing;

/// <summary>
/// Reads one step by its <c>type</c>. A step comes back whenever its successors could be read, even if
/// other values were bad (those are reported and replaced by placeholders), so the graph rules can still
/// run and every problem is reported in one pass.
/// </summary>
internal static class StepReader
{
    private static readonly KeyValuePair<string, JourneyOutcome>[] OutcomeNames =
    [
        new("success", JourneyOutcome.Success),
        new("failure", JourneyOutcome.Failure),
        new("neutral", JourneyOutcome.Neutral),
    ];

    // The single list of step types: the reader, its error messages and the schema test all use it.
    private static readonly OrderedDictionary<string, Func<string, JsonObjectReader, JourneyStep?>> Readers = new(StringComparer.Ordinal)
    {
        ["send"] = ReadSend,
        ["delay"] = DelayStepReader.Read,
        ["waitFor"] = RoutingStepReader.ReadWaitFor,
        ["branch"] = RoutingStepReader.ReadBranch,
        ["split"] = RoutingStepReader.ReadSplit,
        ["optimize"] = RoutingStepReader.ReadOptimize,
        ["set"] = ReadSet,
        ["end"] = ReadEnd,
    };

    /// <summary>Every step type of the language, in the order they are documented.</summary>
    public static IReadOnlyList<string> TypeNames => Readers.Keys;

    /// <summary>Reads a step.</summary>
    /// <param name="id">The step id.</param>
    /// <param name="value">The step object.</param>
    /// <param name="pointer">Its pointer.</param>
    /// <param name="errors">Receives problems found.</param>
    /// <returns>The step, or null when its type or successors could not be read.</returns>
    public static JourneyStep? Read(string id, JsonElement value, string pointer, ICollection<DefinitionError> errors)
    {
        if (JsonObjectReader.Open(value, pointer, errors) is not { } step)
        {
            return null;
        }

        JourneyStep? result = null;
        var type = step.RequiredText("type");
        if (type is not null && Readers.TryGetValue(type, out var read))
        {
            result = read(id, step);
        }
        else
        {
            if (type is not null)
            {
                errors.Add(new DefinitionError(step.PointerOf("type"), $"unknown step type '{type}': use {string.Join(", ", TypeNames)}"));
            }

            // Without a known type there is no list of allowed properties to hold the others against.
            step.Skip();
        }

        step.Complete();
        return result;
    }

    // Exactly one of "channel" and "channels"; "fallback" only beside "channel": "preferred", and required there.
    private static SendStep? ReadSend(string id, JsonObjectReader step)
    {
        List<string> channels = [];
        List<string> fallback = [];
        string channel;
        if (step.Has("channels"))
        {
            if (step.Has("channel"))
            {
                step.Errors.Add(new DefinitionError(step.Pointer, "a send step has 'channel' or 'channels', not both"));
                step.TryGet("channel", out _);
            }

            channels = ChannelList(step, "channels");
            channel = channels.Count > 0 ? channels[0] : string.Empty;
        }
        else
        {
            channel = step.RequiredText("channel") ?? string.Empty;
        }

        if (channel == SendStep.Preferred && channels.Count == 0)
        {
            if (!step.Has("fallback"))
            {
                step.Errors.Add(new DefinitionError(step.Pointer, "\"channel\": \"preferred\" needs 'fallback': the channels to try when the customer has no preferred channel or it cannot be used"));
            }
            else
            {
                fallback = ChannelList(step, "fallback");
            }
        }
        else if (step.Has("fallback"))
        {
            step.Errors.Add(new DefinitionError(step.PointerOf("fallback"), "'fallback' goes with \"channel\": \"preferred\" only; list the channels in 'channels' instead"));
            step.TryGet("fallback", out _);
        }

        var action = step.RequiredText("action") ?? string.Empty;
        var data = step.TryGet("data", out var value) ? JsonTemplate.Compile(value, step.PointerOf("data"), step.Errors) : null;
        var next = step.RequiredText("next");
        return next is null ? null : new SendStep(id, channel, action, data, next) { Channels = channels, Fallback = fallback };
    }

    // A non-empty array of distinct channel names; "preferred" is not a channel of its own.
    private static List<string> ChannelList(JsonObjectReader step, string name)
    {
        var list = new List<string>();
        if (!step.TryGetArray(name, required: true, out var items))
        {
            return list;
        }

        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var pointer = JsonPointer.Append(step.PointerOf(name), (index++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (JsonValues.String(item, pointer, step.Errors, nonEmpty: true) is not { } channel)
            {
                continue;
            }

            if (channel == SendStep.Preferred)
            {
                step.Errors.Add(new DefinitionError(pointer, "'preferred' is not a channel here: use \"channel\": \"preferred\" with 'fallback'"));
            }
            else if (list.Contains(channel, StringComparer.Ordinal))
            {
                step.Errors.Add(new DefinitionError(pointer, $"'{channel}' is listed twice"));
            }
            else
            {
                list.Add(channel);
            }
        }

        return list;
    }

    private static SetStep? ReadSet(string id, JsonObjectReader step)
    {
        var vars = new OrderedDictionary<string, JsonTemplate>(StringComparer.Ordinal);
        if (step.Object("vars", required: true) is { } names)
        {
            foreach (var name in names.Names)
            {
                names.TryGet(name, out var value);
                var pointer = names.PointerOf(name);
                Identifiers.CheckVariableName(name, pointer, step.Errors);
                vars[name] = JsonTemplate.Compile(value, pointer, step.Errors);
            }

            if (vars.Count == 0)
            {
                step.Errors.Add(new DefinitionError(names.Pointer, "must set at least one variable"));
            }
        }

        var next = step.RequiredText("next");
        return next is null ? null : new SetStep(id, vars, next);
    }

    private static EndStep ReadEnd(string id, JsonObjectReader step)
    {
        var outcome = step.Choice("outcome", OutcomeNames, required: true) ?? JourneyOutcome.Neutral;
        var reason = step.OptionalString("reason");
        return new EndStep(id, outcome, reason);
    }
}
