using Orchestrator.Storage.Tables;

namespace Orchestrator.Storage.Tests.Tables;

public sealed class KeyEncodingTests
{
    [Theory]
    [InlineData("customer-1", "customer-1")]
    [InlineData("email:ann@example.com", "email:ann@example.com")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("a#b?c", "a%23b%3Fc")]
    [InlineData("100%", "100%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("del\u007f", "del%7F")]
    [InlineData("c1\u0085", "c1%C2%85")]
    [InlineData("caf\u00e9|x", "caf\u00e9|x")]
    public void Encode_Value_EscapesOnlyForbiddenCharactersAndPercent(string value, string expected) =>
        Assert.Equal(expected, KeyEncoding.Encode(value));

    [Fact]
    public void Encode_ValueAndItsEscapedForm_StayDistinct() =>
        Assert.NotEqual(KeyEncoding.Encode("a/b"), KeyEncoding.Encode("a%2Fb"));

    [Theory]
    [InlineData("instance|", "instance}")]
    [InlineData("v", "w")]
    public void PrefixEnd_Prefix_IsFirstKeyAfterEveryKeyWithThatPrefix(string prefix, string expected)
    {
        var end = KeyEncoding.PrefixEnd(prefix);

        Assert.Equal(expected, end);
        Assert.True(string.CompareOrdinal(prefix + "\uffff\uffff", end) < 0);
    }
}
