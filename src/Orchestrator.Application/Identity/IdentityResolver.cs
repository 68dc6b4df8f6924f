using System.Text.Json;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Journeys;

namespace Orchestrator.Application.Identity;

/// <summary>
/// Turns a CloudEvent subject into a customer id. A subject such as <c>email:ann@example.com</c> whose
/// prefix is a configured alias scheme is looked up in the identity store; an alias not linked yet stands
/// for itself, so an anonymous visitor's journey still runs. <c>identity.linked</c> events link aliases.
/// </summary>
public sealed class IdentityResolver
{
    /// <summary>The event type that links aliases to its subject's customer.</summary>
    public const string LinkEventType = "identity.linked";

    private readonly IIdentityStore _store;
    private readonly HashSet<string> _schemes;

    /// <summary>Creates the resolver.</summary>
    /// <param name="store">Identity store.</param>
    /// <param name="options">Options naming the alias schemes.</param>
    public IdentityResolver(IIdentityStore store, ApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _schemes = new HashSet<string>(options.AliasSchemes, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether a subject is an alias rather than a customer id.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>True for <c>scheme:value</c> with a configured scheme.</returns>
    public bool IsAlias(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var colon = subject.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && _schemes.Contains(subject[..colon]);
    }

    /// <summary>Resolves a subject to a customer id (one read for aliases, none otherwise).</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The customer id.</returns>
    public async Task<string> ResolveAsync(string subject, CancellationToken cancellationToken)
    {
        if (!IsAlias(subject))
        {
            return subject;
        }

        var alias = Normalize(subject);
        return await _store.ResolveAsync(alias, cancellationToken) ?? alias;
    }

    /// <summary>Says what a customer search term stands for: a customer id, or an alias and whether it is linked.</summary>
    /// <param name="subject">The term.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The identity (one read for aliases, none otherwise).</returns>
    public async Task<CustomerIdentity> DescribeAsync(string subject, CancellationToken cancellationToken)
    {
        if (!IsAlias(subject))
        {
            return new CustomerIdentity(subject, subject, IsAlias: false, Linked: false);
        }

        var alias = Normalize(subject);
        var customerId = await _store.ResolveAsync(alias, cancellationToken);
        return new CustomerIdentity(subject, customerId ?? alias, IsAlias: true, Linked: customerId is not null);
    }

    // Schemes match in any case, so aliases are stored and looked up with a lower-case scheme; the value
    // after the colon is kept as sent.
    private static string Normalize(string alias)
    {
        var colon = alias.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? alias : string.Concat(alias[..colon].ToLowerInvariant(), alias.AsSpan(colon));
    }

    /// <summary>
    /// The step every ingress takes first, in both runtimes: resolves the touchpoint's subject to its customer, links the
    /// aliases an <c>identity.linked</c> touchpoint names, and gives the touchpoint its customer and time.
    /// </summary>
    /// <param name="incoming">The validated touchpoint.</param>
    /// <param name="receivedAt">When it arrived, its time when it names none.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <returns>The touchpoint, its customer resolved.</returns>
    public async Task<Touchpoint> ResolveAsync(IncomingTouchpoint incoming, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var customerId = await ResolveAsync(incoming.Subject, cancellationToken);
        if (incoming.Type == LinkEventType)
        {
            await LinkAsync(customerId, incoming.Data, cancellationToken);
        }

        return new Touchpoint(incoming.Id, incoming.Type, incoming.Source, customerId, incoming.Time ?? receivedAt, incoming.Data);
    }

    /// <summary>Links the aliases named in an <c>identity.linked</c> event's data (<c>alias</c> or <c>aliases</c>).</summary>
    /// <param name="customerId">The resolved customer.</param>
    /// <param name="data">The event data.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The aliases linked.</returns>
    public async Task<IReadOnlyList<string>> LinkAsync(string customerId, JsonElement? data, CancellationToken cancellationToken)
    {
        var aliases = new List<string>();
        if (data is { ValueKind: JsonValueKind.Object } payload)
        {
            if (payload.TryGetProperty("alias", out var one) && one.ValueKind == JsonValueKind.String)
            {
                aliases.Add(one.GetString()!);
            }

            if (payload.TryGetProperty("aliases", out var many) && many.ValueKind == JsonValueKind.Array)
            {
                aliases.AddRange(many.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!));
            }
        }

        foreach (var alias in aliases.Where(a => a != customerId))
        {
            await _store.LinkAsync(IsAlias(alias) ? Normalize(alias) : alias, customerId, cancellationToken);
        }

        return aliases;
    }
}
