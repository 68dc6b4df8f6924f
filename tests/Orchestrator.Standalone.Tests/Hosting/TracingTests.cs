using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orchestrator.Application.Telemetry;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Hosting;

/// <summary>The journey spans a touchpoint leaves in the real host, collected by an OpenTelemetry in-memory exporter.</summary>
[Collection(StorageCollection.Name)]
public sealed class TracingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Touchpoint_StartingAJourneyThatSends_LeavesOneTraceWithIngressCommitAndDispatchSpans()
    {
        var spans = new List<Activity>();
        var gate = new Lock();
        await using var host = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions
        {
            Services = services => services.AddOpenTelemetry().WithTracing(tracing => tracing
                .AddSource(JourneyTracing.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddInMemoryExporter(new LockedCollection(spans, gate))),
        });
        Assert.Equal(HttpStatusCode.Created, (await TestJourneys.DeployAsync(host.Client, TestJourneys.Read(TestJourneys.Bill))).StatusCode);

        var answer = await host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-traced", "cust-traced")));
        Assert.Equal(HttpStatusCode.Accepted, answer.Status);

        // The request's own span ends after the answer is written; the journey spans end before.
        var trace = await Eventually.WaitAsync(
            () => Task.FromResult(TraceOf(spans, gate, "inv-traced")),
            found => found.Any(s => s.Kind == ActivityKind.Server) && found.Count(s => s.DisplayName == JourneyTracing.DispatchSpan) == 2,
            "the POST's server span, one ingress, one commit and two dispatch spans in the touchpoint's trace");

        var ingress = Assert.Single(trace, s => s.DisplayName == JourneyTracing.IngressSpan);
        var commit = Assert.Single(trace, s => s.DisplayName == JourneyTracing.CommitSpan);
        var dispatches = trace.Where(s => s.DisplayName == JourneyTracing.DispatchSpan).ToList();
        var server = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        Assert.Equal(server.SpanId, ingress.ParentSpanId);
        Assert.Equal(ingress.SpanId, commit.ParentSpanId);
        Assert.All(dispatches, d => Assert.Equal(ingress.SpanId, d.ParentSpanId));
        Assert.True(commit.StartTimeUtc + commit.Duration <= dispatches.Min(d => d.StartTimeUtc), "the actions are dispatched after the commit ends");

        const string instanceId = "test-bill:cust-traced:inv-traced";
        Assert.Equal("inv-traced", ingress.GetTagItem(JourneyTracing.TouchpointId));
        Assert.Equal("invoice.issued", ingress.GetTagItem(JourneyTracing.TouchpointType));
        Assert.Equal("applied", ingress.GetTagItem(JourneyTracing.Outcome));
        Assert.Equal("inv-traced", commit.GetTagItem(JourneyTracing.TouchpointId));
        Assert.Equal(TestJourneys.Bill, commit.GetTagItem(JourneyTracing.JourneyId));
        Assert.Equal(instanceId, commit.GetTagItem(JourneyTracing.InstanceId));
        Assert.Equal("wait-pay", commit.GetTagItem(JourneyTracing.Step));
        Assert.Equal(["notify", "pay-link"], dispatches.Select(d => (string?)d.GetTagItem(JourneyTracing.Step)).Order());
        Assert.All(dispatches, d =>
        {
            Assert.Equal(TestJourneys.Bill, d.GetTagItem(JourneyTracing.JourneyId));
            Assert.Equal(instanceId, d.GetTagItem(JourneyTracing.InstanceId));
        });
    }

    [Fact]
    public async Task QueuedTouchpoint_CarryingATraceparent_ContinuesThatTrace()
    {
        var spans = new List<Activity>();
        var gate = new Lock();
        await using var host = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions
        {
            Services = services => services.AddOpenTelemetry().WithTracing(tracing => tracing
                .AddSource(JourneyTracing.SourceName)
                .AddInMemoryExporter(new LockedCollection(spans, gate))),
        });
        Assert.Equal(HttpStatusCode.Created, (await TestJourneys.DeployAsync(host.Client, TestJourneys.Read(TestJourneys.Bill))).StatusCode);
        var channelTrace = ActivityTraceId.CreateRandom();
        var channelSpan = ActivitySpanId.CreateRandom();
        var cloudEvent = CloudEvents.Invoice("inv-queued-traced", "cust-queued-traced");
        cloudEvent["traceparent"] = $"00-{channelTrace}-{channelSpan}-01";

        await host.Queue("touchpoints").SendMessageAsync(cloudEvent.ToJsonString());

        var trace = await Eventually.WaitAsync(
            () => Task.FromResult(TraceOf(spans, gate, "inv-queued-traced")),
            found => found.Count(s => s.DisplayName == JourneyTracing.DispatchSpan) == 2,
            "the queued touchpoint's ingress, commit and two dispatch spans");
        var ingress = Assert.Single(trace, s => s.DisplayName == JourneyTracing.IngressSpan);
        Assert.Equal(channelTrace, ingress.TraceId);
        Assert.Equal(channelSpan, ingress.ParentSpanId);
        Assert.Single(trace, s => s.DisplayName == JourneyTracing.CommitSpan);
    }

    // Every span of the trace whose ingress span names the touchpoint.
    private static List<Activity> TraceOf(List<Activity> spans, Lock gate, string touchpointId)
    {
        lock (gate)
        {
            var ingress = spans.FirstOrDefault(s => s.DisplayName == JourneyTracing.IngressSpan && (string?)s.GetTagItem(JourneyTracing.TouchpointId) == touchpointId);
            return ingress is null ? [] : [.. spans.Where(s => s.TraceId == ingress.TraceId)];
        }
    }

    // The exporter adds from the threads that end spans; the test reads under the same lock.
    private sealed class LockedCollection(List<Activity> inner, Lock gate) : ICollection<Activity>
    {
        public int Count
        {
            get
            {
                lock (gate)
                {
                    return inner.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public void Add(Activity item)
        {
            lock (gate)
            {
                inner.Add(item);
            }
        }

        public void Clear()
        {
            lock (gate)
            {
                inner.Clear();
            }
        }

        public bool Contains(Activity item)
        {
            lock (gate)
            {
                return inner.Contains(item);
            }
        }

        public void CopyTo(Activity[] array, int arrayIndex)
        {
            lock (gate)
            {
                inner.CopyTo(array, arrayIndex);
            }
        }

        public bool Remove(Activity item)
        {
            lock (gate)
            {
                return inner.Remove(item);
            }
        }

        public IEnumerator<Activity> GetEnumerator()
        {
            lock (gate)
            {
                return inner.ToList().GetEnumerator();
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
