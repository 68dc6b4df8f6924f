using Orchestrator.Standalone.Hosting;
using Orchestrator.Standalone.Security;

namespace Orchestrator.Standalone.Tests.Security;

public sealed class ApiKeysTests
{
    private const string Management = "management-key-0123456789";
    private const string Ingestion = "ingestion-key-0123456789";

    [Fact]
    public void Create_ShortKey_RefusesNamingTheSetting()
    {
        var exception = Assert.Throws<StartupRefusedException>(() =>
            ApiKeys.Create(new ApiKeySettings { ManagementKey = "short", IngestionKey = Ingestion }, isDevelopment: true));

        Assert.Contains("Orchestrator:Security:ManagementKey", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SameKeyForBothScopes_Refuses()
    {
        var exception = Assert.Throws<StartupRefusedException>(() =>
            ApiKeys.Create(new ApiKeySettings { ManagementKey = $"{Management},{Ingestion}", IngestionKey = Ingestion }, isDevelopment: false));

        Assert.Contains("share a key", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_IngestionMissingInProduction_RefusesNamingIt()
    {
        var exception = Assert.Throws<StartupRefusedException>(() =>
            ApiKeys.Create(new ApiKeySettings { ManagementKey = Management, IngestionKey = " , " }, isDevelopment: false));

        Assert.Contains("Orchestrator:Security:IngestionKey", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_OneMissingInDevelopment_GeneratesOnlyThatOne()
    {
        var keys = ApiKeys.Create(new ApiKeySettings { ManagementKey = Management }, isDevelopment: true);

        Assert.Equal([ApiKeyScope.Ingestion], keys.Generated.Keys);
        Assert.True(keys.Ingestion.Matches(keys.Generated[ApiKeyScope.Ingestion]));
        Assert.True(keys.Management.Matches(Management));
    }

    [Theory]
    [InlineData(Management, true)]
    [InlineData(" " + Management, false)]
    [InlineData(Management + "0", false)]
    [InlineData("", false)]
    [InlineData(Ingestion, false)]
    public void Matches_PresentedKey_OnlyTheExactKey(string presented, bool expected)
    {
        var keys = ApiKeys.Create(new ApiKeySettings { ManagementKey = Management, IngestionKey = Ingestion }, isDevelopment: false);

        Assert.Equal(expected, keys.Management.Matches(presented));
    }

    [Theory]
    [InlineData("/healthz", ApiKeyScope.Open)]
    [InlineData("/openapi/v1.json", ApiKeyScope.Open)]
    [InlineData("/api/touchpoints", ApiKeyScope.Ingestion)]
    [InlineData("/API/Touchpoints/", ApiKeyScope.Ingestion)]
    [InlineData("/api/touchpointsx", ApiKeyScope.Management)]
    [InlineData("/healthzx", ApiKeyScope.Management)]
    [InlineData("/healthz/more", ApiKeyScope.Management)]
    [InlineData("/openapi/v2.json", ApiKeyScope.Management)]
    [InlineData("/api/journeys/x/versions/1/activate", ApiKeyScope.Management)]
    [InlineData("/api/poison", ApiKeyScope.Management)]
    [InlineData("/runtime/webhooks/durabletask/instances", ApiKeyScope.Management)]
    [InlineData("/", ApiKeyScope.Management)]
    [InlineData("/console", ApiKeyScope.Open)]
    [InlineData("/console/assets/index.js", ApiKeyScope.Open)]
    [InlineData("/consolex", ApiKeyScope.Management)]
    public void ScopeOf_Path_IsOpenOnlyForHealthApiDescriptionAndConsolePage(string path, ApiKeyScope expected) =>
        Assert.Equal(expected, ApiKeyRoutes.ScopeOf(path));
}
