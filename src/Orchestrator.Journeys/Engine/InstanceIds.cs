using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Journeys.Engine;

/// <summary>
/// Deterministic instance ids: the same journey, customer and trigger event always give the same id,
/// so a redelivered or retried start cannot start a second instance.
/// </summary>
/// <remarks>
/// Ids avoid the characters Table Storage keys and Durable Functions instance ids reject
/// (<c>/ \ # ?</c> and control characters) and stay within 100 characters.
/// </remarks>
public static class InstanceIds
{
    /// <summary>Longest id produced.</summary>
    public const int MaxLength = 100;

    /// <summary>The instance id for a journey entered by a customer through a trigger event.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="triggerEventId">The entry touchpoint's id.</param>
    /// <returns>A readable id such as <c>bill-payment:cust-1:evt-42</c>, or a hashed one when that would be too long.</returns>
    public static string For(string journeyId, string customerId, string triggerEventId)
    {
        var readable = $"{journeyId}:{Escape(customerId)}:{Escape(triggerEventId)}";
        if (readable.Length <= MaxLength)
        {
            return readable;
        }

        // Hash the escaped form: raw ids joined by a separator collide when an id holds the separator.
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(readable));
        return $"{journeyId}:{Convert.ToHexStringLower(digest.AsSpan(0, 16))}";
    }

    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or ':' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
