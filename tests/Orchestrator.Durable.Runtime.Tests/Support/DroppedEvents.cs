using Xunit.Abstractions;

namespace Orchestrator.Durable.Runtime.Tests.Support;

/// <summary>Compares what the loop received with what was raised, and says it in the words the defect is reported in.</summary>
internal static class DroppedEvents
{
    /// <summary>The raised events missing from the output, written to the test output with the backend's name.</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<string> raised, IReadOnlyList<string> received, ITestOutputHelper output, string backend)
    {
        var lost = raised.Except(received, StringComparer.Ordinal).ToList();
        output.WriteLine(
            $"{backend}: the runtime dropped {lost.Count} of {raised.Count} events at ContinueAsNew" +
            (lost.Count == 0 ? "." : $": {string.Join(' ', lost)}"));
        return lost;
    }

    /// <summary>
    /// Asserts the known defect of the InProcessTestHost sidecar 0.2.3-preview.1: events the worker buffered while
    /// the orchestration was in an activity, and forwarded to itself at <c>ContinueAsNew(preserveUnprocessedEvents:
    /// true)</c>, are cleared with the old generation's messages. Whatever arrived is still in order.
    /// </summary>
    /// <remarks>When this fails because nothing was lost, the runtime has the upstream fix (#708): re-check the product's workaround.</remarks>
    public static void AssertSomeDropped(IReadOnlyList<string> raised, IReadOnlyList<string> received, IReadOnlyList<string> lost)
    {
        Assert.Equal(received.Order(StringComparer.Ordinal), received);
        Assert.True(
            lost.Count > 0,
            $"Expected the runtime to drop some of the {raised.Count} events at ContinueAsNew (the sidecar defect this test " +
            $"characterizes), but all {received.Count} arrived: the runtime may carry the fix now.");
    }
}
