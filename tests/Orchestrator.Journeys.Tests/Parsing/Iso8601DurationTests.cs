using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Tests.Parsing;

public sealed class Iso8601DurationTests
{
    [Theory]
    [InlineData("P3D", 3 * 24 * 3600.0)]
    [InlineData("P2W", 14 * 24 * 3600.0)]
    [InlineData("P1W2D", 9 * 24 * 3600.0)]
    [InlineData("PT12H", 12 * 3600.0)]
    [InlineData("PT90M", 90 * 60.0)]
    [InlineData("PT45S", 45.0)]
    [InlineData("PT1.5S", 1.5)]
    [InlineData("PT0,25S", 0.25)]
    [InlineData("P1DT2H30M15S", ((24 + 2) * 3600) + (30 * 60) + 15.0)]
    [InlineData("PT0S", 0.0)]
    [InlineData("P0D", 0.0)]
    public void TryParse_ValidDuration_ReturnsItsLength(string text, double seconds)
    {
        Assert.True(Iso8601Duration.TryParse(text, out var duration, out var error), error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("3D")]
    [InlineData("p3d")]
    [InlineData("-P3D")]
    [InlineData("P3")]
    [InlineData("PT1H1H")]
    [InlineData("PT1S1M")]
    [InlineData("P1D1W")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("P1.5D")]
    [InlineData("PT1.5H")]
    [InlineData("PT1.S")]
    [InlineData("PT0.12345678S")]
    [InlineData("P 3D")]
    [InlineData("P3D ")]
    [InlineData("3 days")]
    public void TryParse_Malformed_ExplainsTheSyntax(string text)
    {
        Assert.False(Iso8601Duration.TryParse(text, out _, out var error));
        Assert.Contains("is not an ISO 8601 duration", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P1Y")]
    [InlineData("P1M")]
    [InlineData("P1Y2M3D")]
    [InlineData("P2MT1H")]
    public void TryParse_YearsOrMonths_SaysTheyHaveNoFixedLength(string text)
    {
        Assert.False(Iso8601Duration.TryParse(text, out _, out var error));
        Assert.Equal("years and months have no fixed length; use days (P30D)", error);
    }

    [Fact]
    public void TryParse_MinutesAfterT_AreNotMonths()
    {
        Assert.True(Iso8601Duration.TryParse("PT1M", out var duration));
        Assert.Equal(TimeSpan.FromMinutes(1), duration);
    }

    [Theory]
    [InlineData("P99999999999999999D")]
    [InlineData("P9999999999999999999D")]
    public void TryParse_TooLong_IsRejectedWithoutThrowing(string text)
    {
        Assert.False(Iso8601Duration.TryParse(text, out _, out var error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData(0.0, "PT0S")]
    [InlineData(3 * 24 * 3600.0, "P3D")]
    [InlineData(14 * 24 * 3600.0, "P14D")]
    [InlineData(12 * 3600.0, "PT12H")]
    [InlineData(90 * 60.0, "PT1H30M")]
    [InlineData(1.5, "PT1.5S")]
    [InlineData(((24 + 2) * 3600) + 15.0, "P1DT2H15S")]
    public void Format_Duration_WritesTheShortestForm(double seconds, string expected)
    {
        Assert.Equal(expected, Iso8601Duration.Format(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData("P1DT2H30M15.0000001S")]
    [InlineData("P3D")]
    [InlineData("PT59M59.9S")]
    public void Format_ParsedDuration_RoundTrips(string text)
    {
        Assert.True(Iso8601Duration.TryParse(text, out var duration));

        Assert.Equal(text, Iso8601Duration.Format(duration));
    }

    [Fact]
    public void Format_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Iso8601Duration.Format(TimeSpan.FromSeconds(-1)));
    }
}
