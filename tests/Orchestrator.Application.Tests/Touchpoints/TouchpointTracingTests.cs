using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Orchestrator.Application.Telemetry;
using Orchestrator.Application.Tests.Support;

namespace Orchestrator.Application.Tests.Touchpoints;

/// <summary>A touchpoint queued for retry carries its trace across the queue, when tracing is on.</summary>
public sealed class TouchpointTracingTests : IDisposable
{
    private const string Customer = "cust-traced";
    private readonly TestRuntime _runtime = new();
    private readonly ConcurrentQueue<Activity> _ended = new();
    private readonly ActivityListener _listener;

    public TouchpointTracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == JourneyTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ended.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _runtime.Dispose();
    }

    [Fact]
    public async Task AcceptAsync_QueuedForRetry_TheQueueLoopContinuesTheRequestsTrace()
    {
        _runtime.Customers.LoadFailure = new IOException("injected: table storage is down");
        var incoming = TestEvents.Incoming("tp-traced", "invoice.issued", Customer, TestEvents.InvoiceData("tp-traced"));
        string traceparent;
        ActivityTraceId requestTrace;
        using (var request = new Activity("POST /api/touchpoints").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            await _runtime.Ingress.AcceptAsync(incoming, CancellationToken.None);
            traceparent = request.Id!;
            requestTrace = request.TraceId;
        }

        var (body, delay) = Assert.Single(_runtime.Inbox.Enqueued);
        using (var queued = JsonDocument.Parse(body))
        {
            Assert.Equal(traceparent, queued.RootElement.GetProperty("traceparent").GetString());
        }

        _runtime.Customers.LoadFailure = null;
        _runtime.Clock.Advance(delay);
        var message = Assert.Single(await _runtime.QueueStore.ReceiveAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None));
        await _runtime.Ingress.ProcessQueuedAsync(message, CancellationToken.None);

        var ingresses = _ended.Where(a => a.DisplayName == JourneyTracing.IngressSpan && (string?)a.GetTagItem(JourneyTracing.TouchpointId) == "tp-traced").ToList();
        Assert.Equal(2, ingresses.Count);
        Assert.All(ingresses, span => Assert.Equal(requestTrace, span.TraceId));
        Assert.Equal(ActivityStatusCode.Error, ingresses[0].Status);
        Assert.Equal("applied", ingresses[1].GetTagItem(JourneyTracing.Outcome));
    }
}
