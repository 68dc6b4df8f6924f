namespace Orchestrator.Storage.Tests;

public sealed class StorageOptionsTests
{
    private const string Secret = "DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=c2VjcmV0;";

    [Fact]
    public void ToString_Options_NamesTablesButNotTheConnectionString()
    {
        var text = new StorageOptions { ConnectionString = Secret, Prefix = "dev" }.ToString();

        Assert.DoesNotContain("c2VjcmV0", text, StringComparison.Ordinal);
        Assert.Contains("devcustomers", text, StringComparison.Ordinal);
        Assert.Contains("devtouchpoints", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("dev")]
    [InlineData("t0a1b2")]
    public void Validate_LowerCaseAlphanumericPrefix_Passes(string prefix) =>
        new StorageOptions { ConnectionString = Secret, Prefix = prefix }.Validate();

    [Theory]
    [InlineData("dev-")]
    [InlineData("1dev")]
    [InlineData("Dev")]
    [InlineData("dev_")]
    public void Validate_PrefixMakingAnInvalidName_ThrowsNamingIt(string prefix)
    {
        var error = Assert.Throws<ArgumentException>(() => new StorageOptions { ConnectionString = Secret, Prefix = prefix }.Validate());

        Assert.Contains(prefix, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoConnectionString_Throws() =>
        Assert.Throws<ArgumentException>(() => new StorageOptions { ConnectionString = " " }.Validate());
}
