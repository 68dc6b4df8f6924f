using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Conditions;

namespace Orchestrator.Journeys.Parsing;

/// <summary>Reads a journey's optional <c>score</c> block, reporting every problem with its pointer.</summary>
internal static class ScoreReader
{
    public static ScoreSettings? Read(JsonObjectReader journey)
    {
        if (journey.Object("score", required: false) is not { } score)
        {
            return null;
        }

        var defaults = ScoreSettings.Default;
        var settings = defaults;
        if (score.Object("weights", required: false) is { } weights)
        {
            settings = settings with
            {
                GoalWeight = Weight(weights, "goal") ?? defaults.GoalWeight,
                SpeedWeight = Weight(weights, "speed") ?? defaults.SpeedWeight,
                EffortWeight = Weight(weights, "effort") ?? defaults.EffortWeight,
                SurveyWeight = Weight(weights, "survey") ?? defaults.SurveyWeight,
            };
            if (settings.GoalWeight + settings.SpeedWeight + settings.EffortWeight + settings.SurveyWeight <= 0)
            {
                weights.Errors.Add(new DefinitionError(weights.Pointer, "at least one weight must be positive"));
            }

            weights.Complete();
        }

        if (Number(score, "target") is { } target)
        {
            if (target is < 0 or > 100)
            {
                score.Errors.Add(new DefinitionError(score.PointerOf("target"), "must be between 0 and 100"));
            }

            settings = settings with { Target = target };
        }

        if (score.OptionalDuration("speedTarget") is { } speed)
        {
            settings = settings with { SpeedTarget = speed };
        }

        if (Number(score, "effortTarget") is { } effort)
        {
            if (effort <= 0)
            {
                score.Errors.Add(new DefinitionError(score.PointerOf("effortTarget"), "must be greater than 0"));
            }

            settings = settings with { EffortTarget = effort };
        }

        if (score.TryGetArray("assistedChannels", required: false, out var channels))
        {
            var list = new List<string>();
            var index = 0;
            foreach (var item in channels.EnumerateArray())
            {
                if (JsonValues.String(item, JsonPointer.Append(score.PointerOf("assistedChannels"), index++), score.Errors, nonEmpty: true) is { } channel)
                {
                    list.Add(channel);
                }
            }

            settings = settings with { AssistedChannels = list };
        }

        if (score.Object("survey", required: false) is { } survey)
        {
            settings = settings with { Survey = ReadSurvey(survey) };
            survey.Complete();
        }

        score.Complete();
        return settings;
    }

    private static SurveySignal? ReadSurvey(JsonObjectReader survey)
    {
        var type = survey.RequiredText("event");
        FieldPath? field = null;
        if (survey.RequiredText("field") is { } text && !FieldPath.TryParse(text, out field, out var error))
        {
            survey.Errors.Add(new DefinitionError(survey.PointerOf("field"), error));
        }

        var min = survey.RequiredNumber("min");
        var max = survey.RequiredNumber("max");
        if (min is { } low && max is { } high && high <= low)
        {
            survey.Errors.Add(new DefinitionError(survey.PointerOf("max"), "must be greater than min"));
        }

        return type is null || field is null || min is null || max is null ? null : new SurveySignal(type, field, min.Value, max.Value);
    }

    private static double? Weight(JsonObjectReader weights, string name)
    {
        var value = Number(weights, name);
        if (value < 0)
        {
            weights.Errors.Add(new DefinitionError(weights.PointerOf(name), "must not be negative"));
        }

        return value;
    }

    private static double? Number(JsonObjectReader reader, string name) => reader.Has(name) ? reader.RequiredNumber(name) : null;
}
