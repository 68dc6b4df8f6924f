using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Tests.Support;

/// <summary>
/// Builds <see cref="JourneyDefinition"/>s straight from the model records, the way the reader would
/// after validation. Tests can therefore also build definitions the validator would reject (cycles
/// through zero delays, for example) to exercise the engine's own guards.
/// </summary>
internal sealed class JourneyBuilder
{
    private readonly string _id;
    private readonly Dictionary<string, JourneyStep> _steps = new(StringComparer.Ordinal);
    private readonly List<EventCriteria> _exit = [];
    private readonly List<string> _suppress = [];
    private string _name;
    private string? _category;
    private int _priority;
    private int _version;
    private EntryCriteria _entry = new("test.entered", null, ReentryPolicy.AfterExit, null);
    private GoalCriteria? _goal;
    private TimeSpan? _maxDuration;
    private string? _start;

    public JourneyBuilder(string id = "test-journey")
    {
        _id = id;
        _name = id;
    }

    public JourneyBuilder Named(string name, string? category = null, int priority = 0)
    {
        _name = name;
        _category = category;
        _priority = priority;
        return this;
    }

    public JourneyBuilder Version(int version)
    {
        _version = version;
        return this;
    }

    public JourneyBuilder EntersOn(string eventType, Condition? when = null, ReentryPolicy reentry = ReentryPolicy.AfterExit, TimeSpan? cooldown = null)
    {
        _entry = new EntryCriteria(eventType, when, reentry, cooldown);
        return this;
    }

    public JourneyBuilder Goal(string eventType, Condition? when = null, TimeSpan? within = null, bool exitOnGoal = true)
    {
        _goal = new GoalCriteria(eventType, when, within, exitOnGoal);
        return this;
    }

    public JourneyBuilder ExitOn(string eventType, Condition? when = null)
    {
        _exit.Add(new EventCriteria(eventType, when));
        return this;
    }

    public JourneyBuilder SuppressWhileActive(string journeyId)
    {
        _suppress.Add(journeyId);
        return this;
    }

    public JourneyBuilder MaxDuration(TimeSpan maxDuration)
    {
        _maxDuration = maxDuration;
        return this;
    }

    /// <summary>Sets the first step; by default it is the first step added.</summary>
    public JourneyBuilder StartAt(string stepId)
    {
        _start = stepId;
        return this;
    }

    /// <summary>A <c>send</c> step; <paramref name="data"/> is JSON text that may hold placeholders.</summary>
    public JourneyBuilder Send(string id, string channel, string action, string next, string? data = null) =>
        Step(new SendStep(id, channel, action, data is null ? null : Template.Compile(data), next));

    public JourneyBuilder WaitFor(string id, TimeSpan? timeout, string? onTimeout, params WaitForEvent[] events) =>
        Step(new WaitForStep(id, events, timeout, onTimeout));

    public JourneyBuilder Branch(string id, string @default, params BranchCase[] cases) =>
        Step(new BranchStep(id, cases, @default));

    public JourneyBuilder Split(string id, params SplitBranch[] branches) =>
        Step(new SplitStep(id, branches));

    /// <summary>A <c>set</c> step; <paramref name="vars"/> is a JSON object whose values may hold placeholders.</summary>
    public JourneyBuilder Set(string id, string vars, string next)
    {
        var assignments = Json.Parse(vars).EnumerateObject()
            .ToDictionary(p => p.Name, p => Template.Compile(p.Value.GetRawText()), StringComparer.Ordinal);
        return Step(new SetStep(id, assignments, next));
    }

    public JourneyBuilder Delay(string id, TimeSpan duration, string next) =>
        Step(new DelayStep(id, new FixedDelay(duration), next));

    public JourneyBuilder DelayUntil(string id, string field, string next) =>
        Step(new DelayStep(id, new InstantFromField(FieldPath.Parse(field)), next));

    public JourneyBuilder DelayWindow(string id, TimeWindow window, string next) =>
        Step(new DelayStep(id, new WindowOpening(window), next));

    public JourneyBuilder End(string id, JourneyOutcome outcome = JourneyOutcome.Success, string? reason = null) =>
        Step(new EndStep(id, outcome, reason));

    public JourneyBuilder Step(JourneyStep step)
    {
        _steps.Add(step.Id, step);
        _start ??= step.Id;
        return this;
    }

    public JourneyDefinition Build() =>
        new(_id, _name, _category, _priority, _entry, _goal, [.. _exit], [.. _suppress], _maxDuration,
            _start ?? throw new InvalidOperationException("A journey needs at least one step."),
            new Dictionary<string, JourneyStep>(_steps, StringComparer.Ordinal))
        {
            Version = _version,
        };

    /// <summary>A <c>waitFor</c> candidate.</summary>
    public static WaitForEvent On(string eventType, string next, Condition? when = null) => new(eventType, when, next);

    /// <summary>A <c>branch</c> case.</summary>
    public static BranchCase Case(Condition when, string next) => new(when, next);

    /// <summary>A <c>split</c> branch.</summary>
    public static SplitBranch Weighted(double weight, string next, string? label = null) => new(weight, next, label);
}
