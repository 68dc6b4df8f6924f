using Microsoft.Extensions.Configuration;
using Orchestrator.Application.Rules;

namespace Orchestrator.Hosting.Tests;

public sealed class SendRulesSettingsTests
{
    [Fact]
    public void Read_NoSection_Defaults()
    {
        var rules = SendRulesSettings.Read(Section([]));

        Assert.Equal(new SendRulesOptions().Caps, rules.Caps);
        Assert.Equal(new QuietHours(new TimeOnly(21, 0), new TimeOnly(8, 0)), rules.QuietHours["sms"]);
        Assert.Equal(TimeSpan.FromHours(1), rules.CollisionWindow);
    }

    [Fact]
    public void Read_PresetNone_NoCapsNoQuietHoursNoWindow()
    {
        var rules = SendRulesSettings.Read(Section(new() { ["Preset"] = "none" }));

        Assert.Empty(rules.Caps);
        Assert.Empty(rules.QuietHours);
        Assert.Equal(TimeSpan.Zero, rules.CollisionWindow);
    }

    [Fact]
    public void Read_CapsAndQuietHoursConfigured_ReplaceThePresets()
    {
        var rules = SendRulesSettings.Read(Section(new()
        {
            ["Caps:0:Channel"] = "email",
            ["Caps:0:Category"] = "*",
            ["Caps:0:Max"] = "5",
            ["Caps:0:Per"] = "1.00:00:00",
            ["QuietHours:push"] = "22:30-07:00",
            ["DefaultTimeZone"] = "Europe/Amsterdam",
            ["CollisionWindow"] = "00:30:00",
        }));

        Assert.Equal([new FrequencyCap("email", "*", 5, TimeSpan.FromDays(1))], rules.Caps);
        Assert.Equal(new QuietHours(new TimeOnly(22, 30), new TimeOnly(7, 0)), Assert.Single(rules.QuietHours, q => q.Key == "push").Value);
        Assert.Single(rules.QuietHours);
        Assert.Equal(("Europe/Amsterdam", TimeSpan.FromMinutes(30)), (rules.DefaultTimeZone, rules.CollisionWindow));
    }

    [Theory]
    [InlineData("Preset", "strict")]
    [InlineData("QuietHours:sms", "9pm-8am")]
    public void Read_InvalidSetting_Throws(string key, string value) =>
        Assert.ThrowsAny<InvalidOperationException>(() => SendRulesSettings.Read(Section(new() { [key] = value })));

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(p => "Orchestrator:SendRules:" + p.Key, p => p.Value))
            .Build()
            .GetSection("Orchestrator:SendRules");
}
