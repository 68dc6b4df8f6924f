using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace Orchestrator.Standalone.Security;

/// <summary>Answers 401 to any request without a valid key for its path's scope (see <see cref="ApiKeyRoutes"/>).</summary>
/// <remarks>
/// Runs before routing reaches an endpoint and before any body is read. The answer never says which key was
/// expected or what was wrong with the one sent, so it cannot be used to probe keys or scopes.
/// </remarks>
internal sealed partial class ApiKeyMiddleware(
    RequestDelegate next,
    ApiKeys keys,
    IProblemDetailsService problems,
    ILogger<ApiKeyMiddleware> logger)
{
    /// <summary>The header a key is sent in.</summary>
    public const string Header = "x-api-key";

    /// <summary>Also accepted: the header Azure Functions reads its function and host keys from.</summary>
    public const string FunctionsHeader = "x-functions-key";

    public async Task InvokeAsync(HttpContext context)
    {
        if (keys.For(ApiKeyRoutes.ScopeOf(context.Request.Path)) is not { } accepted || Presents(context.Request.Headers, accepted))
        {
            await next(context);
            return;
        }

        LogRejected(logger, context.Request.Method, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{Header}\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = "a valid API key is required",
            },
        });
    }

    private static bool Presents(IHeaderDictionary headers, ApiKeySet accepted)
    {
        var matched = false;
        foreach (var value in Values(headers[Header]).Concat(Values(headers[FunctionsHeader])))
        {
            matched |= accepted.Matches(value);
        }

        return matched;
    }

    private static IEnumerable<string> Values(StringValues values) => values.Where(v => !string.IsNullOrEmpty(v))!;

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} answered 401: no valid API key")]
    private static partial void LogRejected(ILogger logger, string method, PathString path);
}
