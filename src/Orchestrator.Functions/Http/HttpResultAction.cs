using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Orchestrator.Functions.Http;

/// <summary>An <see cref="IActionResult"/> that writes one of the shared handlers' <see cref="IResult"/>s.</summary>
/// <remarks>
/// The worker's ASP.NET Core integration (Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore) executes an
/// <see cref="IActionResult"/> returned by a function on the request's <see cref="HttpContext"/> in every version
/// (<c>FunctionsHttpProxyingMiddleware</c>). Only its later versions execute an <see cref="IResult"/> too; earlier ones
/// leave it to the output binding, which would serialize the result object itself as the body. Answering with this
/// adapter writes the same response on all of them, after the function returns, as the extension expects.
/// </remarks>
/// <param name="result">The result to write.</param>
public sealed class HttpResultAction(IResult result) : IActionResult
{
    /// <summary>The result this writes.</summary>
    public IResult Result { get; } = result ?? throw new ArgumentNullException(nameof(result));

    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.ExecuteAsync(context.HttpContext);
    }
}
