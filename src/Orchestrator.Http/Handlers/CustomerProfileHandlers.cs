using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application.Processing;
using Orchestrator.Http.Contracts;
using Orchestrator.Journeys.Customers;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Http.Handlers;

/// <summary>A customer's profile over HTTP, for every host.</summary>
public static class CustomerProfileHandlers
{
    /// <summary>Largest profile change accepted, in bytes.</summary>
    public const int MaxChangeBytes = 32 * 1024;

    /// <summary>Reads the customer's profile: attributes, consent and facts.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="processor">The customer processor.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with the profile; empty for a customer never seen.</returns>
    public static async Task<Ok<CustomerProfileDocument>> GetAsync(string customerId, CustomerProcessor processor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(processor);
        return TypedResults.Ok(CustomerProfileDocument.Of(customerId, await processor.GetProfileAsync(customerId, cancellationToken)));
    }

    /// <summary>
    /// Merges a change into the customer's profile: <c>{ "attributes": { "tier": "gold", "locale": null }, "consent":
    /// { "email": { "status": "optOut" } } }</c> (shallow merge; <c>null</c> removes).
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="request">The request.</param>
    /// <param name="processor">The customer processor.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with the profile as written; 400 naming each JSON pointer at fault; 415.</returns>
    public static async Task<Results<Ok<CustomerProfileDocument>, ProblemHttpResult>> PatchAsync(
        string customerId,
        HttpRequest request,
        CustomerProcessor processor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(processor);
        var type = MediaTypes.Of(request.ContentType);
        if (!MediaTypes.IsJson(type) && type != "application/merge-patch+json")
        {
            return Problems.UnsupportedMediaType(request.ContentType, "the profile change as application/json");
        }

        if (await BoundedBody.ReadAsync(request, MaxChangeBytes, cancellationToken) is not { } body)
        {
            return Invalid(customerId, [new DefinitionError("", $"a profile change is at most {MaxChangeBytes / 1024} KiB")]);
        }

        if (!JsonBodyText.TryDecode(body, out var json, out var notText))
        {
            return Invalid(customerId, [notText]);
        }

        JsonElement element;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            element = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            return Invalid(customerId, [new DefinitionError("", exception.Message)]);
        }

        var errors = new List<DefinitionError>();
        if (ProfileChange.Read(element, string.Empty, errors) is not { } change)
        {
            return Invalid(customerId, [.. errors]);
        }

        var (profile, refused) = await processor.ChangeProfileAsync(customerId, change, string.Empty, cancellationToken);
        return profile is null
            ? Invalid(customerId, [.. refused])
            : TypedResults.Ok(CustomerProfileDocument.Of(customerId, profile));
    }

    private static ProblemHttpResult Invalid(string customerId, DefinitionError[] errors) =>
        Problems.Invalid(
            $"The profile of customer '{customerId}' was not changed",
            $"{errors.Length} error(s): {string.Join("; ", errors.Select(e => e.ToString()))}",
            errors);
}
