using System.Text.Json;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Journeys.Tests.Engine;

public class NullPayloadTests
{
    [Fact]
    public void Touchpoint_JsonNullData_IsNoDataAndRoundTripsUnchanged()
    {
        var touchpoint = new Touchpoint("e-1", "page.viewed", "web", "c-1", DateTimeOffset.UnixEpoch, JsonDocument.Parse("null").RootElement);

        var once = JsonSerializer.Serialize(touchpoint, JourneyJsonContext.Default.Touchpoint);
        var twice = JsonSerializer.Serialize(JsonSerializer.Deserialize(once, JourneyJsonContext.Default.Touchpoint)!, JourneyJsonContext.Default.Touchpoint);

        Assert.Null(touchpoint.Data);
        Assert.Equal(once, twice);
    }
}
