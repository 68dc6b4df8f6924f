using Microsoft.AspNetCore.Http;

namespace Orchestrator.Http.Tests;

public sealed class CloudEventHeadersTests
{
    [Fact]
    public void Read_CeHeaders_AreAttributesByLowerCaseNamePercentDecoded()
    {
        var headers = new HeaderDictionary
        {
            ["ce-id"] = "evt-1",
            ["CE-Type"] = "invoice.issued",
            ["ce-subject"] = "cust%20001%C3%A9",
            ["Content-Type"] = "application/json",
        };

        var attributes = CloudEventHeaders.Read(headers);

        Assert.Equal(3, attributes.Count);
        Assert.Equal("evt-1", attributes["id"]);
        Assert.Equal("invoice.issued", attributes["type"]);
        Assert.Equal("cust 001é", attributes["subject"]);
    }

    [Fact]
    public void Read_BarePrefix_IsNoAttribute()
    {
        var attributes = CloudEventHeaders.Read(new HeaderDictionary { ["ce-"] = "x", ["cex"] = "y" });

        Assert.Empty(attributes);
    }
}
