using Orchestrator.Application.Analytics;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Telemetry;

namespace Orchestrator.Application.Processing;

/// <summary>
/// Group commit: several touchpoints of one customer applied one after the other on one snapshot and written in one
/// transaction, each with its own timeline entry and dedupe marker, as if each had been committed alone.
/// </summary>
internal sealed partial class CustomerTransaction
{
    /// <summary>
    /// Most touchpoints one group commit takes. The transaction's 100 writes bound it too; this bounds its bytes, as
    /// each timeline entry carries its touchpoint (up to <see cref="ApplicationOptions.MaxTouchpointBytes"/>) and the
    /// actions it sent, and the whole request must stay within the store's few megabytes.
    /// </summary>
    public const int MaxGroup = 16;

    /// <summary>
    /// Runs several inputs of one customer, in order, in as few transactions as the limits allow: each is decided on
    /// the customer as the inputs before it left it, and a group is committed at once. A duplicate (seen on the load,
    /// earlier in the group, or by its dedupe marker at the commit) is told apart and dropped; the rest are written.
    /// </summary>
    /// <param name="customerId">The customer every input belongs to.</param>
    /// <param name="inputs">The inputs, in order, each with its decide phase.</param>
    /// <param name="cancellationToken">Cancels the transactions.</param>
    /// <returns>What happened to each input, in the same order.</returns>
    public async Task<IReadOnlyList<ProcessResult>> RunGroupAsync(string customerId, IReadOnlyList<GroupedInput> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Any(i => !string.Equals(i.Input.CustomerId, customerId, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Every input of a group belongs to customer '{customerId}'.", nameof(inputs));
        }

        if (inputs.Count == 1)
        {
            return [await RunAsync(inputs[0].Input, inputs[0].Decide, cancellationToken)];
        }

        var results = new ProcessResult?[inputs.Count];
        using var held = await _locks.AcquireAsync(customerId, cancellationToken);
        for (var next = 0; next < inputs.Count;)
        {
            try
            {
                next = await CommitGroupAsync(customerId, inputs, next, results, cancellationToken);
            }
            catch (Exception exception) when (next > 0 && exception is not OperationCanceledException)
            {
                throw new GroupPartlyAppliedException([.. results[..next].Select(r => r!)], exception);
            }
        }

        return [.. results.Select(r => r ?? throw new InvalidOperationException("An input of the group was left unsettled."))];
    }

    // One transaction for the inputs from `from` on, as many as fit; returns the index of the first input left over.
    private async Task<int> CommitGroupAsync(string customerId, IReadOnlyList<GroupedInput> inputs, int from, ProcessResult?[] results, CancellationToken cancellationToken)
    {
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        var most = Math.Min(MaxGroup, Math.Max(1, 1_000_000 / Math.Max(1, _options.MaxTouchpointBytes)));
        using var span = CommitTracing.Start(inputs[from].Input.DedupeId, inputs[from].Input.TimelineKind);
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await _customers.LoadAsync(customerId, inputs[from].Input.DedupeId, cancellationToken);
            var group = await DecideAsync(snapshot, inputs, from, recorded, most);
            if (group.Commit is null)
            {
                Settle(results, group, null);
                CommitTracing.End(span, group.Skipped.Count > 0 ? group.Skipped[^1].Status : ProcessStatus.NothingDue, null);
                return group.End;
            }

            foreach (var step in group.Steps)
            {
                await PrepareAsync(step.Work, step.Sends, cancellationToken);
            }

            var commit = WithAcknowledgements(group.Commit);
            try
            {
                await _customers.CommitAsync(commit, cancellationToken);
            }
            catch (ConcurrencyConflictException exception) when (exception.TouchpointAlreadyRecorded)
            {
                // Some of the group were applied before, beyond the load's recent-touchpoint window: drop those, write
                // the rest. A store that does not say which leaves them to be found one at a time.
                if (exception.RecordedTouchpointIds.Count > 0)
                {
                    recorded.UnionWith(exception.RecordedTouchpointIds);
                }
                else if (group.Steps.Count == 1)
                {
                    recorded.Add(group.Steps[0].Input.DedupeId!);
                }
                else
                {
                    most = 1;
                }

                continue;
            }
            catch (ConcurrencyConflictException exception) when (attempt < _options.MaxConflictRetries)
            {
                LogConflict(customerId, attempt, exception.Message);
                continue;
            }
            catch (Exception exception)
            {
                CommitTracing.Fail(span, exception);
                throw;
            }

            Committed(commit);
            Settle(results, group, commit);
            CommitTracing.End(span, group.Steps.Any(s => s.Work.HasChanges) ? ProcessStatus.Applied : ProcessStatus.Ignored, commit);
            await _dispatcher.DispatchAsync(customerId, commit.Outbox, cancellationToken);
            return group.End;
        }
    }

    // Decides the inputs one after the other, each on the customer as the ones before left it, while the commit fits.
    private async Task<DecidedGroup> DecideAsync(CustomerSnapshot snapshot, IReadOnlyList<GroupedInput> inputs, int from, HashSet<string> recorded, int most)
    {
        var now = _clock.GetUtcNow();
        var seen = new HashSet<string>(snapshot.Customer.RecentTouchpoints, StringComparer.Ordinal);
        seen.UnionWith(recorded);
        var steps = new List<GroupStep>();
        var skipped = new List<(int Index, ProcessStatus Status)>();
        var current = snapshot;
        CustomerCommit? merged = null;
        var index = from;
        for (; index < inputs.Count && steps.Count < most; index++)
        {
            var (input, decide) = inputs[index];
            var id = input.DedupeId;
            var duplicate = id is not null && (seen.Contains(id) || (index == from && snapshot.TouchpointSeen));
            var work = await decide(current with { TouchpointSeen = duplicate }, now);
            if (work is null)
            {
                skipped.Add((index, id is not null ? ProcessStatus.Duplicate : ProcessStatus.NothingDue));
                continue;
            }

            var sends = work.DecideSends();
            var commit = work.ToCommit(input, sends);
            var grouped = merged is null ? commit : Merge(merged, commit);
            if (merged is not null && grouped.Writes > CustomerCommit.MaxWrites)
            {
                break;
            }

            if (id is not null)
            {
                seen.Add(id);
            }

            merged = grouped;
            steps.Add(new GroupStep(index, input, work, sends, commit));
            current = After(current, commit);
        }

        return new DecidedGroup(steps, skipped, merged, index);
    }

    private static void Settle(ProcessResult?[] results, DecidedGroup group, CustomerCommit? written)
    {
        foreach (var (index, status) in group.Skipped)
        {
            results[index] = new ProcessResult(status, null);
        }

        if (written is null)
        {
            return;
        }

        foreach (var step in group.Steps)
        {
            results[step.Index] = new ProcessResult(step.Work.HasChanges ? ProcessStatus.Applied : ProcessStatus.Ignored, step.Commit.Entry);
        }
    }

    // The customer as an input of the group leaves it, for the next: its record and instances as they would be written.
    // The record keeps the active instances and recent touchpoints as read: the store works the written ones out from those.
    private static CustomerSnapshot After(CustomerSnapshot current, CustomerCommit commit)
    {
        var active = Overlay(current.ActiveInstances, commit.Instances);
        return new CustomerSnapshot(commit.Customer, [.. active.Where(i => i.IsActive)], TouchpointSeen: false);
    }

    // The instances as read, each replaced by its changed copy (in place, keeping the order) or added when new.
    private static List<InstanceRecord> Overlay(IEnumerable<InstanceRecord> basis, IEnumerable<InstanceRecord> changed)
    {
        var instances = basis.ToList();
        foreach (var instance in changed)
        {
            var at = instances.FindIndex(i => i.InstanceId == instance.InstanceId);
            if (at < 0)
            {
                instances.Add(instance);
            }
            else
            {
                instances[at] = instance;
            }
        }

        return instances;
    }

    // One commit of two consecutive ones: the later's customer record, each instance as it ends, every entry, marker and action.
    private static CustomerCommit Merge(CustomerCommit earlier, CustomerCommit later)
    {
        var instances = Overlay(earlier.Instances, later.Instances);

        return later with
        {
            Instances = instances,
            EarlierEntries = [.. earlier.EarlierEntries, earlier.Entry],
            EarlierTouchpointIds = earlier.TouchpointId is null ? earlier.EarlierTouchpointIds : [.. earlier.EarlierTouchpointIds, earlier.TouchpointId],
            Outbox = [.. earlier.Outbox, .. later.Outbox],
            Analytics = Merge(earlier.Analytics, later.Analytics),
        };
    }

    // One analytics record per commit: the counts of both, under the later's sequence.
    private static AnalyticsRecord? Merge(AnalyticsRecord? earlier, AnalyticsRecord? later)
    {
        if (earlier is null || later is null)
        {
            return later ?? earlier;
        }

        var parts = earlier.Parts.Concat(later.Parts)
            .GroupBy(p => (p.JourneyId, p.Version))
            .Select(g => new AnalyticsPart(g.Key.JourneyId, g.Key.Version, g
                .SelectMany(p => p.Counts)
                .GroupBy(c => c.Key, StringComparer.Ordinal)
                .ToDictionary(c => c.Key, c => c.Sum(x => x.Value), StringComparer.Ordinal)))
            .ToArray();
        return later with { Parts = parts };
    }

    private sealed record GroupStep(int Index, CustomerInput Input, CustomerWork Work, SendDecision Sends, CustomerCommit Commit);

    private sealed record DecidedGroup(IReadOnlyList<GroupStep> Steps, IReadOnlyList<(int Index, ProcessStatus Status)> Skipped, CustomerCommit? Commit, int End);
}
