using System.CommandLine;

namespace Orchestrator.Cli.Analytics;

/// <summary>The options every command reading a running host takes.</summary>
internal static class HostOptions
{
    public static Option<Uri> Url() => new("--url")
    {
        Description = "The host's base address, such as http://localhost:5080.",
        Required = true,
        CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : Fail(result),
    };

    public static Option<string> Window() => new("--window")
    {
        Description = "The window: 1h, 24h, 7d (the default), 30d…",
    };

    private static Uri Fail(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"'{result.Tokens.Single().Value}' is not an http(s) address");
        return new Uri("http://invalid");
    }
}
