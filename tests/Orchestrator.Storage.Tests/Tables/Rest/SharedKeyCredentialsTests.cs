using Orchestrator.Storage.Tables.Rest;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Tables.Rest;

/// <summary>Which connection strings the lean transport can sign for; the others leave both calls on the SDK.</summary>
public sealed class SharedKeyCredentialsTests
{
    [Fact]
    public void FromConnectionString_AccountAndKey_ReadsBothWithTheKeysPadding()
    {
        var credentials = SharedKeyCredentials.FromConnectionString(
            "DefaultEndpointsProtocol=https;AccountName=journeys;AccountKey=a2V5/+w==;EndpointSuffix=core.windows.net");

        Assert.Equal(new SharedKeyCredentials("journeys", "a2V5/+w=="), credentials);
    }

    [Fact]
    public void FromConnectionString_DevelopmentStorage_IsAzuritesAccount()
    {
        var credentials = SharedKeyCredentials.FromConnectionString("UseDevelopmentStorage=true");

        Assert.Equal(new SharedKeyCredentials(AzuriteInstance.AccountName, AzuriteInstance.AccountKey), credentials);
    }

    [Theory]
    [InlineData("TableEndpoint=https://journeys.table.core.windows.net;SharedAccessSignature=sv=2020-12-06&sig=abc")]
    [InlineData("AccountName=journeys")]
    [InlineData("")]
    public void FromConnectionString_NoAccountKey_IsNull(string connectionString)
    {
        Assert.Null(SharedKeyCredentials.FromConnectionString(connectionString));
    }

    [Fact]
    public void ToString_WithKey_LeavesTheKeyOut()
    {
        var text = new SharedKeyCredentials("journeys", "c2VjcmV0").ToString();

        Assert.DoesNotContain("c2VjcmV0", text, StringComparison.Ordinal);
        Assert.Contains("journeys", text, StringComparison.Ordinal);
    }
}
