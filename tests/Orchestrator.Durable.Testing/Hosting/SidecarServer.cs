using System.Net;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Orchestrator.Durable.Testing.Hosting;

/// <summary>
/// The InProcessTestHost's gRPC sidecar (<see cref="TaskHubGrpcServer"/>: the orchestration and activity
/// dispatchers of DurableTask.Core, served to the worker over gRPC) in a minimal Kestrel app on a loopback port the
/// operating system chose, over any orchestration service.
/// </summary>
internal static class SidecarServer
{
    // The worker and client channels are closed before the sidecar stops, so nothing should hold a connection open.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Starts the sidecar and returns it with the address it listens on (<c>http://127.0.0.1:port</c>).</summary>
    /// <remarks>
    /// The sidecar starts its dispatchers, and with them the orchestration service (<c>StartAsync</c>), only once a
    /// worker connects, so the service must not be started by the caller.
    /// </remarks>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        IOrchestrationService service, IOrchestrationServiceClient client, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<TaskHubGrpcServer>();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return (app, new Uri(address));
    }
}
