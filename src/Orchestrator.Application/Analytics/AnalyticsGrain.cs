namespace Orchestrator.Application.Analytics;

/// <summary>The time span of an analytics bucket.</summary>
public enum AnalyticsGrain
{
    /// <summary>One hour, starting on the hour (UTC).</summary>
    Hour,

    /// <summary>One day, starting at midnight UTC.</summary>
    Day,

    /// <summary>Since the version was deployed.</summary>
    Total,
}
