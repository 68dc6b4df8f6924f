using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Orchestrator.Application;
using Orchestrator.Http;

namespace Orchestrator.Standalone.Http;

/// <summary>
/// Caps every request body before an endpoint sees it: 413 at once when Content-Length is over the cap, and the
/// server's own per-request limit set to the cap, so a chunked body is cut off there rather than read on; a body cut
/// off that way also answers 413 with a problem document.
/// </summary>
/// <remarks>
/// A backstop for every route, those added later included; endpoints that read their body themselves still
/// apply their own, tighter, limit with a 400 naming it.
/// </remarks>
internal sealed partial class RequestLimitMiddleware(
    RequestDelegate next,
    RequestLimits limits,
    ApplicationOptions options,
    IProblemDetailsService problems,
    ILogger<RequestLimitMiddleware> logger)
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
            await TooLargeAsync(context, $"the request body is {context.Request.ContentLength} bytes; at most {cap} bytes are accepted here");
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException cutOff) when (cutOff.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            // The client's mistake, not the host's: no stack trace in the log, and the same answer as for a declared length.
            LogCutOff(logger, context.Request.Method, context.Request.Path, cap);
            await TooLargeAsync(context, $"the request body (sent without Content-Length) is longer than {cap} bytes; at most {cap} bytes are accepted here");
        }
    }

    private async Task TooLargeAsync(HttpContext context, string detail)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = detail,
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path}: the request body was cut off at {Cap} bytes; answered 413")]
    private static partial void LogCutOff(ILogger logger, string method, PathString path, long cap);
}
