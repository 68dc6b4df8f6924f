using Orchestrator.Application.Customers;

namespace Orchestrator.Application.Processing;

/// <summary>
/// The decide phase of a <see cref="CustomerTransaction"/>: turns a fresh snapshot of the customer into the work of
/// one input, or null when there is nothing to write. Runs again on a fresh snapshot after a lost write race, so it
/// must not keep what it saw from one run to the next.
/// </summary>
/// <param name="snapshot">The customer as read.</param>
/// <param name="now">Engine time of this attempt.</param>
/// <returns>The work, or null.</returns>
internal delegate Task<CustomerWork?> CustomerDecide(CustomerSnapshot snapshot, DateTimeOffset now);
