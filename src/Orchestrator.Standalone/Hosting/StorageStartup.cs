using Orchestrator.Application.Actions;
using Orchestrator.Storage;

namespace Orchestrator.Standalone.Hosting;

/// <summary>
/// Creates missing tables and queues, then re-sends actions left in outboxes by an earlier run.
/// </summary>
/// <remarks>
/// A plain hosted service rather than a loop: the host starts serving only after <see cref="StartAsync"/>
/// returns, so no request or loop ever meets a missing table.
/// </remarks>
internal sealed partial class StorageStartup(
    IStorageInitializer storage,
    ActionDispatcher dispatcher,
    ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.EnsureCreatedAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogStorageUnavailable(logger, exception);
            throw;
        }

        try
        {
            await dispatcher.RecoverAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever was not re-sent stays in its outbox and is tried again at the next start.
            LogRecoveryFailed(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "Could not create the tables and queues: is the storage account (Azurite) running and is Storage:ConnectionString right?")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-sending actions left in outboxes failed; they stay there until the next start")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);
}
