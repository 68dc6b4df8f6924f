
namespace Orchestrator.Testing.Tests;

public sealed class AzuriteReadinessTests
{
    [Fact]
    public async Task OnOutputLine_BlobQueueAndTableListening_ReportsTheirAddresses()
    {
        var readiness = new AzuriteReadiness();

        readiness.OnOutputLine("Azurite Blob service is successfully listening at http://127.0.0.1:38237");
        readiness.OnOutputLine("Azurite Queue service is starting at http://127.0.0.1:0");
        readiness.OnOutputLine("Azurite Queue service is successfully listening at http://127.0.0.1:44617");
        Assert.False(readiness.Ready.IsCompleted);
        readiness.OnOutputLine("Azurite Table service is successfully listening at http://127.0.0.1:32969");

        var (blob, queue, table) = await readiness.Ready;
        Assert.Equal(new Uri("http://127.0.0.1:38237"), blob);
        Assert.Equal(new Uri("http://127.0.0.1:44617"), queue);
        Assert.Equal(new Uri("http://127.0.0.1:32969"), table);
    }

    [Fact]
    public async Task OnOutputLine_EndOfOutputBeforeAllListen_FailsSayingAzuriteExited()
    {
        var readiness = new AzuriteReadiness();

        readiness.OnOutputLine("Azurite Queue service is successfully listening at http://127.0.0.1:44617");
        readiness.OnOutputLine("Exit due to unhandled error: listen EADDRINUSE: address already in use 127.0.0.1:10002");
        readiness.OnOutputLine(null);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => readiness.Ready);
        Assert.Contains("exited", failure.Message, StringComparison.Ordinal);
    }
}
