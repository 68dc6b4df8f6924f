using Microsoft.Net.Http.Headers;

namespace Orchestrator.Http;

/// <summary>Reads the media type of a request.</summary>
public static class MediaTypes
{
    /// <summary>The plain JSON media type.</summary>
    public const string Json = "application/json";

    /// <summary>The media type of a Content-Type header without its parameters, lower case; null when absent or malformed.</summary>
    /// <param name="contentType">The header value.</param>
    /// <returns>The media type.</returns>
    public static string? Of(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.HasValue
            ? parsed.MediaType.Value!.ToLowerInvariant()
            : null;

    /// <summary>Whether a media type is JSON (<c>application/json</c> or any <c>+json</c> suffix).</summary>
    /// <param name="mediaType">The media type.</param>
    /// <returns>True for JSON.</returns>
    public static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType == Json || mediaType.EndsWith("+json", StringComparison.Ordinal));
}
