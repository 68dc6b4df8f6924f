using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Hosting;

[Collection(StorageCollection.Name)]
public sealed class SampleDeploymentTests(AzuriteFixture azurite) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("journey-samples-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Start_RepositorySamples_DeploysEveryJourney()
    {
        var samples = Path.Combine(Repository.Root, "samples", "journeys");
        var expected = Directory.EnumerateFiles(samples, "*.json")
            .Select(path => JsonNode.Parse(File.ReadAllText(path))!["id"]!.GetValue<string>())
            .Order(StringComparer.Ordinal)
            .ToArray();

        await using var host = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions { DeploySamplesFrom = samples });
        var listed = await host.Client.GetJsonAsync("/api/journeys");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed.Body.EnumerateArray().Select(j => j.Text("id")));
    }

    [Fact]
    public async Task Start_AgainWithSameDefinitions_AddsNoVersion()
    {
        WriteJourney(TestJourneys.Read(TestJourneys.Bill));
        var options = new RuntimeHostOptions { DeploySamplesFrom = _folder.FullName };
        await using (var first = await RuntimeHost.StartAsync(azurite.ConnectionString, options))
        {
            options = options with { Prefix = first.Prefix };
        }

        // Reformatted, the same JSON: not a new version.
        File.WriteAllText(Path.Combine(_folder.FullName, "test-bill.json"), TestJourneys.Read(TestJourneys.Bill).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        await using var second = await RuntimeHost.StartAsync(azurite.ConnectionString, options);

        var journey = await second.Client.GetJsonAsync("/api/journeys/test-bill");
        Assert.Equal(1, journey.Body.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Start_AgainWithChangedDefinition_DeploysNewVersion()
    {
        var definition = TestJourneys.Read(TestJourneys.Bill);
        WriteJourney(definition);
        var options = new RuntimeHostOptions { DeploySamplesFrom = _folder.FullName };
        await using (var first = await RuntimeHost.StartAsync(azurite.ConnectionString, options))
        {
            options = options with { Prefix = first.Prefix };
        }

        definition["name"] = "Test bill, revised";
        WriteJourney(definition);
        await using var second = await RuntimeHost.StartAsync(azurite.ConnectionString, options);

        var journey = await second.Client.GetJsonAsync("/api/journeys/test-bill");
        Assert.Equal(2, journey.Body.GetProperty("version").GetInt32());
        Assert.Equal("Test bill, revised", journey.Body.Text("definition", "name"));
    }

    [Fact]
    public async Task Start_FolderWithInvalidDefinition_DeploysTheValidOnesAndServes()
    {
        WriteJourney(TestJourneys.Read(TestJourneys.Bill));
        var broken = TestJourneys.Read(TestJourneys.QuickPing);
        broken["start"] = "nowhere";
        WriteJourney(broken);

        await using var host = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions { DeploySamplesFrom = _folder.FullName });

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetJsonAsync("/api/journeys/test-bill")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetJsonAsync("/api/journeys/quick-ping")).Status);
    }

    private void WriteJourney(JsonObject definition) =>
        File.WriteAllText(Path.Combine(_folder.FullName, $"{definition["id"]}.json"), definition.ToJsonString());
}
