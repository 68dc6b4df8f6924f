using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>
/// Plays scenario runs on one shared clock, as every stateful driver does: finishes runs with nothing left, stops
/// runs whose next moment the clock has already passed (it cannot go back), moves the clock to the earliest moment,
/// and fires the wake-ups due then before the events due then, as the simulator does.
/// </summary>
internal static class ScenarioSchedule
{
    /// <summary>Refuses runs that share a customer: runs played together on one clock must not see each other.</summary>
    /// <param name="runs">The runs.</param>
    /// <exception cref="ArgumentException">Two runs share a customer id.</exception>
    public static void RequireOwnCustomers(IReadOnlyList<ScenarioRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var shared = runs.GroupBy(r => r.Script.CustomerId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (shared is not null)
        {
            throw new ArgumentException($"Runs {string.Join(", ", shared)} share customer {shared.Key}; each run needs its own.", nameof(runs));
        }
    }

    /// <summary>Plays the cursors to their ends.</summary>
    /// <param name="cursors">One cursor per run.</param>
    /// <param name="clock">The clock the runtime under test reads.</param>
    /// <param name="finishAsync">Collects the result of a run with nothing left to play.</param>
    /// <param name="wakeUpAsync">Makes the runtime act on the wake-ups of these runs, due at the given instant.</param>
    /// <param name="postAsync">Delivers the next event of each of these runs.</param>
    /// <param name="cancellationToken">Cancels the play.</param>
    /// <returns>A task that completes when every run has ended.</returns>
    public static async Task PlayAsync(
        IReadOnlyList<ScenarioCursor> cursors,
        FakeTimeProvider clock,
        Func<ScenarioCursor, Task> finishAsync,
        Func<IReadOnlyList<ScenarioCursor>, DateTimeOffset, Task> wakeUpAsync,
        Func<IReadOnlyList<ScenarioCursor>, Task> postAsync,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var ended in cursors.Where(c => c.Result is null && c.NextMoment() is null).ToList())
            {
                await finishAsync(ended);
            }

            var pending = cursors
                .Select(c => (Cursor: c, Moment: c.NextMoment()))
                .Where(p => p.Moment is not null)
                .Select(p => (p.Cursor, Moment: p.Moment!.Value))
                .ToList();
            if (pending.Count == 0)
            {
                return;
            }

            var at = pending.Min(p => p.Moment.At);
            var now = clock.GetUtcNow();
            if (at < now)
            {
                foreach (var (cursor, moment) in pending.Where(p => p.Moment.At < now))
                {
                    cursor.Stop($"its next {(moment.IsWakeUp ? "wake-up" : "event")} is due at {Format(moment.At)}, before the clock's {Format(now)}, which cannot go back");
                }

                continue;
            }

            if (at > now)
            {
                clock.SetUtcNow(at);
            }

            var wakeUps = pending.Where(p => p.Moment.At == at && p.Moment.IsWakeUp).Select(p => p.Cursor).ToList();
            if (wakeUps.Count > 0)
            {
                await wakeUpAsync(wakeUps, at);
            }
            else
            {
                await postAsync([.. pending.Where(p => p.Moment.At == at).Select(p => p.Cursor)]);
            }
        }
    }

    private static string Format(DateTimeOffset instant) => instant.ToString("o", CultureInfo.InvariantCulture);
}
