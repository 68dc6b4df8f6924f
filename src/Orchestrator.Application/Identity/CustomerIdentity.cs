namespace Orchestrator.Application.Identity;

/// <summary>What a customer search term stands for: a customer id as it is, or an alias and the customer it is linked to.</summary>
/// <param name="Subject">The term searched, as sent.</param>
/// <param name="CustomerId">The customer it resolves to (the term itself when it is no alias, or an alias not linked yet).</param>
/// <param name="IsAlias">Whether the term is an alias (<c>scheme:value</c> with a configured scheme such as <c>email</c>).</param>
/// <param name="Linked">Whether the alias is linked to a customer by an <c>identity.linked</c> touchpoint.</param>
public sealed record CustomerIdentity(string Subject, string CustomerId, bool IsAlias, bool Linked);
