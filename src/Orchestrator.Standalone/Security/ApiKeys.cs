using System.Buffers.Text;
using System.Security.Cryptography;
using Orchestrator.Standalone.Hosting;

namespace Orchestrator.Standalone.Security;

/// <summary>The management and ingestion keys the host accepts, and those it generated for development.</summary>
public sealed class ApiKeys
{
    /// <summary>The shortest key accepted from configuration.</summary>
    public const int MinKeyLength = 16;

    private ApiKeys(ApiKeySet management, ApiKeySet ingestion, IReadOnlyDictionary<ApiKeyScope, string> generated)
    {
        Management = management;
        Ingestion = ingestion;
        Generated = generated;
    }

    /// <summary>Keys for the management routes.</summary>
    public ApiKeySet Management { get; }

    /// <summary>Keys for touchpoint ingestion.</summary>
    public ApiKeySet Ingestion { get; }

    /// <summary>Keys generated at this start because none was configured, by scope; printed once, then only hashes are kept.</summary>
    public IReadOnlyDictionary<ApiKeyScope, string> Generated { get; }

    /// <summary>Reads the keys from the settings, generating missing ones where allowed.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="isDevelopment">Whether the host runs in the Development environment.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="StartupRefusedException">A key is missing outside development, too short, or shared by both scopes.</exception>
    public static ApiKeys Create(ApiKeySettings settings, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var generate = isDevelopment || settings.GenerateDevelopmentKeys;
        var generated = new Dictionary<ApiKeyScope, string>();
        var management = Read(settings.ManagementKey, nameof(ApiKeySettings.ManagementKey), ApiKeyScope.Management, generate, generated);
        var ingestion = Read(settings.IngestionKey, nameof(ApiKeySettings.IngestionKey), ApiKeyScope.Ingestion, generate, generated);
        if (management.Overlaps(ingestion))
        {
            throw new StartupRefusedException(
                $"{ApiKeySettings.Section}:{nameof(ApiKeySettings.ManagementKey)} and {ApiKeySettings.Section}:{nameof(ApiKeySettings.IngestionKey)} share a key; "
                + "give channel apps a key of their own, so one that leaks cannot change journeys.");
        }

        return new ApiKeys(management, ingestion, generated);
    }

    /// <summary>The keys of a scope; none for <see cref="ApiKeyScope.Open"/>.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>The keys.</returns>
    public ApiKeySet? For(ApiKeyScope scope) => scope switch
    {
        ApiKeyScope.Management => Management,
        ApiKeyScope.Ingestion => Ingestion,
        _ => null,
    };

    private static ApiKeySet Read(string? configured, string name, ApiKeyScope scope, bool generate, Dictionary<ApiKeyScope, string> generated)
    {
        var setting = $"{ApiKeySettings.Section}:{name}";
        var keys = (configured ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length == 0)
        {
            if (!generate)
            {
                throw new StartupRefusedException(
                    $"No API key is configured in {setting} (environment variable {setting.Replace(":", "__", StringComparison.Ordinal)}); "
                    + "the host does not start without one, so it never runs open by accident. Set a random key of at least "
                    + $"{MinKeyLength} characters (several, comma-separated, while rotating), or for local development only set "
                    + $"ASPNETCORE_ENVIRONMENT=Development or {ApiKeySettings.Section}:{nameof(ApiKeySettings.GenerateDevelopmentKeys)}=true to have keys generated and printed.");
            }

            var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            generated[scope] = key;
            return new ApiKeySet([key]);
        }

        if (keys.Any(k => k.Length < MinKeyLength))
        {
            throw new StartupRefusedException($"A key in {setting} is shorter than {MinKeyLength} characters; use a long random key.");
        }

        return new ApiKeySet(keys);
    }
}
