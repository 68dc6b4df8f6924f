using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Orchestrator.Application;
using Orchestrator.Http;

namespace Orchestrator.Standalone.Http;

/// <summary>
/// Caps every request body before an endpoint sees it: 413 at once when Content-Length is over the cap, and the
/// server's own per-request limit set to the cap, so a chunked body is cut off there rather than read on.
/// </summary>
/// <remarks>
/// A backstop for every route, those added later included; endpoints that read their body themselves still
/// apply their own, tighter, limit with a 400 naming it.
/// </remarks>
internal sealed class RequestLimitMiddleware(RequestDelegate next, RequestLimits limits, ApplicationOptions options, IProblemDetailsService problems)
{
    private static readonly PathString Touchpoints = HttpRoutes.Touchpoints;

    public async Task InvokeAsync(HttpContext context)
    {
        var cap = context.Request.Path.StartsWithSegments(Touchpoints)
            ? (long)options.MaxTouchpointBytes * options.MaxBatchSize
            : limits.MaxRequestBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = cap;
        }

        if (context.Request.ContentLength > cap)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"the request body is {context.Request.ContentLength} bytes; at most {cap} bytes are accepted here",
                },
            });
            return;
        }

        await next(context);
    }
}
