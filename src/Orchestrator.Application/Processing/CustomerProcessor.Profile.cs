using Orchestrator.Journeys.Customers;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Application.Processing;

/// <summary>The customer's profile: read it, and change it outside a touchpoint (the profile route).</summary>
public sealed partial class CustomerProcessor
{
    /// <summary>The source recorded on consents the profile route sets without naming one.</summary>
    public const string ApiSource = "api";

    /// <summary>Reads a customer's profile from their row: one read; a customer never seen has an empty profile.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The profile.</returns>
    public async Task<CustomerProfile> GetProfileAsync(string customerId, CancellationToken cancellationToken)
    {
        var snapshot = await _customers.LoadAsync(customerId, touchpointId: null, cancellationToken);
        return snapshot.Customer.Profile;
    }

    /// <summary>
    /// Merges a profile change into the customer's row, with the same semantics as a profile touchpoint, in one write
    /// that also records a <c>profile</c> timeline entry. Journeys do not move: the change is seen by their next input.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="change">The change.</param>
    /// <param name="pointer">The change document's JSON pointer, for problems.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The profile as written, or the problems (each with its pointer) when the change would break a limit.</returns>
    public async Task<(CustomerProfile? Profile, IReadOnlyList<DefinitionError> Errors)> ChangeProfileAsync(
        string customerId, ProfileChange change, string pointer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var errors = new List<DefinitionError>();
        CustomerWork? last = null;
        var result = await RunAsync(new CustomerInput.ProfileEdited(customerId), (snapshot, now) =>
        {
            errors.Clear();
            if (change.ApplyTo(snapshot.Customer.Profile, now, ApiSource, pointer, errors) is not { } changed)
            {
                return Task.FromResult<CustomerWork?>(null);
            }

            last = NewWork(snapshot, now);
            last.ProfileChanged(changed, $"profile changed through the API: {Describe(change)}");
            return Task.FromResult<CustomerWork?>(last);
        }, cancellationToken);
        return (result.Entry is not null ? last?.Profile : null, errors);
    }

    private static string Describe(ProfileChange change) =>
        string.Join(", ", change.Attributes.Select(a => a.Value is null ? $"-{a.Key}" : a.Key)
            .Concat(change.Consent.Select(c => c.Value is null ? $"-consent.{c.Key}" : $"consent.{c.Key}={(c.Value.Status == ConsentStatus.OptIn ? "optIn" : "optOut")}")));
}
