namespace Orchestrator.Durable.Ingress;

/// <summary>
/// What to do with a touchpoint message once <see cref="DurableTouchpointIngress"/> has handled it. The queue binding
/// maps each case to its broker's settlement call; the ingress itself knows no broker.
/// </summary>
/// <remarks>Closed: the private constructor keeps the three cases below the only ones.</remarks>
public abstract record SettleDecision
{
    private SettleDecision()
    {
    }

    /// <summary>Handled (or already handled by an earlier delivery): remove the message.</summary>
    public sealed record Complete : SettleDecision;

    /// <summary>Never processable (not a valid touchpoint): move the message aside with why.</summary>
    /// <param name="Reason">A short machine-readable reason.</param>
    /// <param name="Description">What is wrong, at most <see cref="MaxDescriptionLength"/> characters.</param>
    public sealed record DeadLetter(string Reason, string Description) : SettleDecision
    {
        /// <summary>
        /// The longest description kept: Service Bus stores it as an application property of bounded size. The full
        /// list stays in the log.
        /// </summary>
        public const int MaxDescriptionLength = 1024;

        /// <summary>What is wrong, truncated to <see cref="MaxDescriptionLength"/> characters.</summary>
        public string Description { get; init => field = Limit(value); } = Limit(Description);

        private static string Limit(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            return text.Length <= MaxDescriptionLength ? text : string.Concat(text.AsSpan(0, MaxDescriptionLength - 3), "...");
        }
    }

    /// <summary>Failed for now (storage or the Durable backend unavailable): release the message for redelivery.</summary>
    public sealed record Abandon : SettleDecision;
}
