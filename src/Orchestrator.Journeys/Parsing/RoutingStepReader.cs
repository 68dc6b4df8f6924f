using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Parsing;

/// <summary>Reads the steps that choose between several next steps: <c>waitFor</c>, <c>branch</c>, <c>split</c> and <c>optimize</c>.</summary>
internal static class RoutingStepReader
{
    /// <summary>Reads a <c>waitFor</c> step.</summary>
    /// <param name="id">The step id.</param>
    /// <param name="step">The step object.</param>
    /// <returns>The step, or null when a successor could not be read.</returns>
    public static WaitForStep? ReadWaitFor(string id, JsonObjectReader step)
    {
        var events = step.ReadObjects("events", required: true, item =>
        {
            var eventType = item.RequiredText("event") ?? string.Empty;
            var when = ConditionReader.Optional(item, "when");
            return item.RequiredText("next") is { } next ? new WaitForEvent(eventType, when, next) : null;
        });

        // Presence, not validity, decides the pairing rule, so a bad timeout is not also reported as missing.
        var hasTimeout = step.Has("timeout");
        var hasOnTimeout = step.Has("onTimeout");
        var timeout = step.OptionalDuration("timeout");
        var onTimeout = hasOnTimeout ? step.RequiredText("onTimeout") : null;
        if (hasTimeout != hasOnTimeout)
        {
            var (present, absent) = hasTimeout ? ("timeout", "onTimeout") : ("onTimeout", "timeout");
            step.Errors.Add(new DefinitionError(step.Pointer, $"'{present}' needs '{absent}': a waitFor has both or neither"));
        }

        return events is null || (hasOnTimeout && onTimeout is null) ? null : new WaitForStep(id, events, timeout, onTimeout);
    }

    /// <summary>Reads a <c>branch</c> step.</summary>
    /// <param name="id">The step id.</param>
    /// <param name="step">The step object.</param>
    /// <returns>The step, or null when a successor could not be read.</returns>
    public static BranchStep? ReadBranch(string id, JsonObjectReader step)
    {
        var cases = step.ReadObjects("cases", required: true, item =>
        {
            // An invalid condition was reported; an always-true placeholder keeps the graph complete.
            var when = ConditionReader.Required(item, "when") ?? new AllCondition([]);
            return item.RequiredText("next") is { } next ? new BranchCase(when, next) : null;
        });
        var fallback = step.RequiredText("default");
        return cases is null || fallback is null ? null : new BranchStep(id, cases, fallback);
    }

    /// <summary>Reads a <c>split</c> step.</summary>
    /// <param name="id">The step id.</param>
    /// <param name="step">The step object.</param>
    /// <returns>The step, or null when a successor could not be read.</returns>
    public static SplitStep? ReadSplit(string id, JsonObjectReader step)
    {
        var branches = step.ReadObjects("branches", required: true, item =>
        {
            var weight = item.RequiredNumber("weight");
            if (weight < 0)
            {
                item.Errors.Add(new DefinitionError(item.PointerOf("weight"), "must be zero or more"));
            }

            var label = item.OptionalString("label");
            return item.RequiredText("next") is { } next ? new SplitBranch(weight ?? 0, next, label) : null;
        });

        // An empty list was reported as such; its weights are not a second problem.
        if (branches is { Count: > 0 } && branches.All(b => b.Weight >= 0))
        {
            var total = branches.Sum(b => b.Weight);
            if (!(total > 0 && double.IsFinite(total)))
            {
                var message = total > 0 ? "the weights add up to more than a number can hold" : "the weights must add up to more than zero";
                step.Errors.Add(new DefinitionError(step.PointerOf("branches"), message));
            }
        }

        return branches is null ? null : new SplitStep(id, branches);
    }

    /// <summary>Reads an <c>optimize</c> step.</summary>
    /// <param name="id">The step id.</param>
    /// <param name="step">The step object.</param>
    /// <returns>The step, or null when a successor could not be read.</returns>
    public static OptimizeStep? ReadOptimize(string id, JsonObjectReader step)
    {
        var arms = step.ReadObjects("arms", required: true, item =>
            item.RequiredText("next") is { } next ? new OptimizeArm(next, item.OptionalString("label") ?? next) : null);
        if (arms is { Count: 1 })
        {
            step.Errors.Add(new DefinitionError(step.PointerOf("arms"), "an optimize step needs at least two arms to choose between"));
        }

        var explore = OptimizeStep.DefaultExplore;
        if (step.Has("explore") && step.RequiredNumber("explore") is { } share)
        {
            if (share is < 0 or > 1)
            {
                step.Errors.Add(new DefinitionError(step.PointerOf("explore"), "must be between 0 and 1"));
            }

            explore = share;
        }

        var horizon = step.OptionalDuration("horizon");
        var holdout = ReadHoldout(step);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; arms is not null && i < arms.Count; i++)
        {
            if (!labels.Add(arms[i].Label))
            {
                step.Errors.Add(new DefinitionError(JsonPointer.Append(JsonPointer.Append(step.PointerOf("arms"), i), "label"), $"the label '{arms[i].Label}' is taken by another arm: labels are unique"));
            }
        }

        if (holdout is not null && labels.Contains(holdout.Label))
        {
            step.Errors.Add(new DefinitionError(step.PointerOf("holdout"), $"the label '{holdout.Label}' is taken by an arm: labels are unique"));
        }

        return arms is null || (step.Has("holdout") && holdout is null) ? null : new OptimizeStep(id, arms, explore, horizon, holdout);
    }

    private static OptimizeHoldout? ReadHoldout(JsonObjectReader step)
    {
        if (step.Object("holdout", required: false) is not { } holdout)
        {
            return null;
        }

        var share = holdout.RequiredNumber("share");
        if (share is <= 0 or >= 1)
        {
            holdout.Errors.Add(new DefinitionError(holdout.PointerOf("share"), "must be more than 0 and less than 1"));
        }

        var label = holdout.OptionalString("label") ?? "holdout";
        var next = holdout.RequiredText("next");
        holdout.Complete();
        return next is null ? null : new OptimizeHoldout(next, label, share ?? 0.1);
    }
}
