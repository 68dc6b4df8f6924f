using Orchestrator.Journeys.Customers;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Durable.Orchestration;

/// <summary>
/// The customer's profile as the orchestration last saw it: from its input, then from each raised touchpoint and activity result. Only what
/// the history carries, so a replay gives the engine the same profile at every step.
/// </summary>
/// <param name="profile">The profile the generation's input carries, if any.</param>
internal sealed class SeenProfile(CustomerProfile? profile)
{
    private JourneyContext? _context;

    /// <summary>The profile, if any was seen.</summary>
    public CustomerProfile? Profile { get; private set; } = profile;

    /// <summary>The engine's context with the profile.</summary>
    public JourneyContext Context => _context ??= Profile is null ? JourneyContext.Empty : new JourneyContext { Customer = Profile };

    /// <summary>Takes the profile an activity returned; an activity of an older build returns none and changes nothing.</summary>
    /// <param name="result">The activity's result.</param>
    public void Update(ActivityResult result) => Update(result.Customer);

    /// <summary>Takes the profile a raised touchpoint or an activity carried; none changes nothing.</summary>
    /// <param name="customer">The profile, if any.</param>
    public void Update(CustomerProfile? customer)
    {
        if (customer is not null)
        {
            Profile = customer;
            _context = null;
        }
    }
}
