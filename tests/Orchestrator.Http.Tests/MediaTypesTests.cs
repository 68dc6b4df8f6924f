namespace Orchestrator.Http.Tests;

public sealed class MediaTypesTests
{
    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("Application/JSON; charset=utf-8", "application/json")]
    [InlineData("application/cloudevents+json; charset=UTF-8", "application/cloudevents+json")]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("not a media type", null)]
    public void Of_ContentType_IsTheMediaTypeWithoutParametersLowerCase(string? contentType, string? expected) =>
        Assert.Equal(expected, MediaTypes.Of(contentType));

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("application/cloudevents-batch+json", true)]
    [InlineData("text/json", false)]
    [InlineData("application/jsonp", false)]
    [InlineData("text/plain", false)]
    [InlineData(null, false)]
    public void IsJson_MediaType_IsTrueForJsonAndJsonSuffixes(string? mediaType, bool expected) =>
        Assert.Equal(expected, MediaTypes.IsJson(mediaType));
}
