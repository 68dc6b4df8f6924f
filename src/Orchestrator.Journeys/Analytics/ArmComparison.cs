namespace Orchestrator.Journeys.Analytics;

/// <summary>One split arm's conversion to the goal among the instances that ended in the window.</summary>
/// <param name="Split">The split step.</param>
/// <param name="Arm">The arm's label.</param>
/// <param name="Instances">Ended instances assigned to the arm.</param>
/// <param name="Goals">Of them, those that reached the goal.</param>
/// <param name="Rate">Goals ÷ Instances.</param>
/// <param name="Low">95 % Wilson interval, low bound.</param>
/// <param name="High">95 % Wilson interval, high bound.</param>
/// <param name="Control">Whether this is the arm the others are compared with (labelled control or holdout).</param>
/// <param name="Uplift">Rate minus the control's rate, in points of proportion.</param>
/// <param name="PValue">Two-sided p-value of the pooled two-proportion z-test against the control.</param>
/// <param name="Test">The test used.</param>
public sealed record ArmComparison(
    string Split,
    string Arm,
    long Instances,
    long Goals,
    double? Rate,
    double? Low,
    double? High,
    bool Control,
    double? Uplift,
    double? PValue,
    string Test);
