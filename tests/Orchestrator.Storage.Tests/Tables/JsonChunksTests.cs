using Azure.Data.Tables;
using Orchestrator.Storage.Tables;

namespace Orchestrator.Storage.Tests.Tables;

public sealed class JsonChunksTests
{
    [Fact]
    public void Write_SmallDocument_UsesOneProperty()
    {
        var entity = new TableEntity("p", "r");

        JsonChunks.Write(entity, "Json", [1, 2, 3]);

        Assert.Equal([1, 2, 3], entity.GetBinary("Json"));
        Assert.False(entity.ContainsKey("Json1"));
    }

    [Fact]
    public void Write_200KilobyteDocument_SplitsInto60KibChunksThatReadBack()
    {
        var json = Enumerable.Range(0, 200 * 1024).Select(i => (byte)(i % 251)).ToArray();
        var entity = new TableEntity("p", "r");

        JsonChunks.Write(entity, "State", json);

        Assert.Equal(["State", "State1", "State2", "State3"], entity.Keys.Where(k => k.StartsWith("State", StringComparison.Ordinal)).Order());
        Assert.All(new[] { "State", "State1", "State2" }, key => Assert.Equal(StorageJson.ChunkBytes, entity.GetBinary(key).Length));
        Assert.Equal(json, JsonChunks.Read(entity, "State"));
    }

    [Fact]
    public void Read_MissingProperty_ThrowsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => JsonChunks.Read(new TableEntity("p", "r"), "Json"));
}
