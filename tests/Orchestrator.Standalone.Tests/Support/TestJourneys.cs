using System.Text;
using System.Text.Json.Nodes;

namespace Orchestrator.Standalone.Tests.Support;

/// <summary>The journeys in this project's <c>Journeys</c> folder.</summary>
public static class TestJourneys
{
    /// <summary>Invoice → email and web actions → sms reminder after 3 days → failure after 7; payment is the goal.</summary>
    public const string Bill = "test-bill";

    /// <summary>Ping → waits one second for a pong → ends.</summary>
    public const string QuickPing = "quick-ping";

    /// <summary>Sign-up → an optimize step picks offer A or B (a tenth held out) → waits for an order, the goal.</summary>
    public const string Offer = "test-offer";

    /// <summary>A journey's definition, optionally under another id (for tests that need journeys of their own).</summary>
    /// <param name="name">The file name without <c>.json</c>.</param>
    /// <param name="id">The id to give it; its own when null.</param>
    /// <returns>The definition.</returns>
    public static JsonObject Read(string name, string? id = null)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Journeys", name + ".json")))!.AsObject();
        if (id is not null)
        {
            definition["id"] = id;
        }

        return definition;
    }

    /// <summary>Deploys a definition through the API and checks it was deployed.</summary>
    /// <param name="client">The host's client.</param>
    /// <param name="definition">The definition.</param>
    /// <returns>The response.</returns>
    public static async Task<HttpResponseMessage> DeployAsync(HttpClient client, JsonObject definition)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(definition);
        var id = (string)definition["id"]!;
        using var content = new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json");
        var response = await client.PutAsync($"/api/journeys/{id}", content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Deploying {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }
}
