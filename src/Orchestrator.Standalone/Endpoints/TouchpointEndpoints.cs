using Orchestrator.Application;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Http;
using Orchestrator.Http.Handlers;

namespace Orchestrator.Standalone.Endpoints;

/// <summary>The route of the touchpoint ingress, to the shared handler.</summary>
/// <remarks>
/// The handler is wrapped in a lambda rather than passed as a method group: the ASP.NET Core route handler analyzer throws
/// (AD0001, an error here) on method groups from another assembly (dotnet/aspnetcore#68976), and the lambda keeps it checking.
/// </remarks>
public static class TouchpointEndpoints
{
    /// <summary>Maps <c>POST /api/touchpoints</c>.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The route builder.</returns>
    public static IEndpointRouteBuilder MapTouchpointEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(
                HttpRoutes.Touchpoints,
                (HttpRequest request, TouchpointIngress ingress, ApplicationOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
                    TouchpointHandlers.PostAsync(request, ingress.AcceptAsync, options, loggerFactory, cancellationToken, options.GroupCommit ? ingress.AcceptBatchAsync : null))
            .WithTags("Touchpoints")
            .WithSummary("Accepts customer touchpoints as CloudEvents")
            .WithDescription($"Takes {TouchpointHandlers.AcceptedMediaTypes}. The media type is checked here, not by routing, so every refusal is a problem document.")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
