using Microsoft.Extensions.Configuration;
using Orchestrator.Application.Rules;

namespace Orchestrator.Hosting;

/// <summary>
/// Reads the send-time rules from <c>Orchestrator:SendRules</c>. <c>Preset</c> is <c>default</c> (the
/// built-in caps and quiet hours) or <c>none</c>; a configured <c>Caps</c> list or <c>QuietHours</c> map
/// replaces the preset's rather than adding to it, so a reader of the configuration sees every rule in force.
/// </summary>
public static class SendRulesSettings
{
    /// <summary>The section, under <c>Orchestrator</c>.</summary>
    public const string Section = "SendRules";

    /// <summary>Reads the rules.</summary>
    /// <param name="section">The <c>Orchestrator:SendRules</c> section.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="InvalidOperationException">The preset is unknown or quiet hours are not of the form <c>21:00-08:00</c>.</exception>
    public static SendRulesOptions Read(IConfigurationSection section)
    {
        var rules = section["Preset"] switch
        {
            null or "" or "default" => new SendRulesOptions(),
            "none" => SendRulesOptions.None,
            var other => throw new InvalidOperationException($"Orchestrator:SendRules:Preset '{other}' is unknown; use 'default' or 'none'."),
        };

        var caps = section.GetSection(nameof(SendRulesOptions.Caps));
        if (caps.Exists())
        {
            rules = rules with { Caps = caps.Get<List<FrequencyCap>>() ?? [] };
        }

        var quietHours = section.GetSection(nameof(SendRulesOptions.QuietHours));
        if (quietHours.Exists())
        {
            // Read by hand: the binder drops a dictionary value it cannot convert without a word.
            rules = rules with { QuietHours = quietHours.GetChildren().ToDictionary(c => c.Key, QuietHoursOf, StringComparer.Ordinal) };
        }

        return rules with
        {
            DefaultTimeZone = section[nameof(SendRulesOptions.DefaultTimeZone)] ?? rules.DefaultTimeZone,
            CollisionWindow = section.GetValue(nameof(SendRulesOptions.CollisionWindow), rules.CollisionWindow),
            RequireOptIn = section.GetValue(nameof(SendRulesOptions.RequireOptIn), rules.RequireOptIn),
        };
    }

    private static QuietHours QuietHoursOf(IConfigurationSection channel)
    {
        try
        {
            return (QuietHours)new QuietHoursConverter().ConvertFrom(channel.Value ?? "")!;
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{channel.Path}: {exception.Message}", exception);
        }
    }
}
