namespace Orchestrator.Journeys.Definitions;

/// <summary>Whether a customer may enter a journey they have entered before.</summary>
public enum ReentryPolicy
{
    /// <summary>Once per customer, ever.</summary>
    Never,

    /// <summary>Again once the previous instance has ended (the default).</summary>
    AfterExit,

    /// <summary>Any time, even while another instance is active.</summary>
    Always,
}
