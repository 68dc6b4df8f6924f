namespace Orchestrator.Http.Tests;

public sealed class HttpRoutesTests
{
    [Theory]
    [InlineData("bill-payment", 3, "/api/journeys/bill-payment/versions/3")]
    [InlineData("a b/c", 1, "/api/journeys/a%20b%2Fc/versions/1")]
    public void JourneyVersion_Id_IsEscapedIntoTheJourneysPath(string id, int version, string expected) =>
        Assert.Equal(expected, HttpRoutes.JourneyVersion(id, version));
}
