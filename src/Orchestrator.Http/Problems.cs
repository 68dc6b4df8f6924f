using Microsoft.AspNetCore.Http.HttpResults;

namespace Orchestrator.Http;

/// <summary>Problem details (RFC 9457) answered by the API.</summary>
public static class Problems
{
    /// <summary>A 400 listing every error found in the request.</summary>
    /// <param name="title">What was rejected.</param>
    /// <param name="detail">A summary.</param>
    /// <param name="errors">The errors, each naming the attribute or JSON pointer at fault.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult Invalid<TError>(string title, string detail, TError[] errors) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>A 415 saying which media types are taken.</summary>
    /// <param name="contentType">The Content-Type received.</param>
    /// <param name="accepted">What is taken instead.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult UnsupportedMediaType(string? contentType, string accepted) =>
        TypedResults.Problem(
            detail: $"Content-Type '{contentType ?? "(none)"}' is not accepted here; send {accepted}.",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type");

    /// <summary>A 404 naming what was not found.</summary>
    /// <param name="detail">What was not found.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>A 409: the resource's state does not allow what was asked.</summary>
    /// <param name="detail">Why not.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
