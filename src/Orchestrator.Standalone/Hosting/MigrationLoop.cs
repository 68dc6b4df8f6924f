using Orchestrator.Application.Migrations;

namespace Orchestrator.Standalone.Hosting;

/// <summary>
/// Runs migrations of running instances: at start the ones a previous run of the host left running (a crash or a
/// restart continues them where their progress says), then each one as soon as it is started here, and every
/// <see cref="Interval"/> whatever another host started.
/// </summary>
internal sealed partial class MigrationLoop : BackgroundService
{
    /// <summary>How often running migrations started elsewhere are looked for.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly MigrationService _migrations;
    private readonly ILogger<MigrationLoop> _logger;
    private readonly SemaphoreSlim _started = new(0, 1);

    public MigrationLoop(MigrationService migrations, ILogger<MigrationLoop> logger)
    {
        _migrations = migrations;
        _logger = logger;
        _migrations.Started += _ => Signal();
    }

    public override void Dispose()
    {
        _started.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var finished = await _migrations.ResumeAsync(stoppingToken);
                if (finished > 0)
                {
                    LogFinished(_logger, finished);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(_logger, exception, Interval);
            }

            try
            {
                // Wall clock: the loop retries I/O, it makes no engine decision.
                await _started.WaitAsync(Interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void Signal()
    {
        try
        {
            if (_started.CurrentCount == 0)
            {
                _started.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Signalled already: the loop runs every running migration on its next round.
        }
        catch (ObjectDisposedException)
        {
            // The host is stopping; the migration continues at the next start.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} migration(s) finished")]
    private static partial void LogFinished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running migrations failed; trying again within {Interval}")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, TimeSpan interval);
}
