using System.Net;

namespace Orchestrator.Conformance.Tests.Harness.Api;

/// <summary>The answer to <c>POST /api/touchpoints</c>.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Accepted">How each touchpoint was taken (empty unless 202).</param>
/// <param name="Body">The raw body, for messages.</param>
public sealed record TouchpointPostResult(HttpStatusCode StatusCode, IReadOnlyList<AcceptedView> Accepted, string Body)
{
    /// <summary>The one touchpoint's status when the answer is a 202 for one touchpoint; null otherwise.</summary>
    public string? SingleStatus => StatusCode == HttpStatusCode.Accepted && Accepted.Count == 1 ? Accepted[0].Status : null;

    public override string ToString() => $"{(int)StatusCode} {Body}";
}
