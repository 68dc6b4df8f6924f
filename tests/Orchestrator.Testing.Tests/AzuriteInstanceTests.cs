using System.Net.Sockets;

namespace Orchestrator.Testing.Tests;

public sealed class AzuriteInstanceTests
{
    [Fact]
    public async Task StartAsync_TwoAtOnce_GetDifferentPorts()
    {
        var starting = new[] { AzuriteInstance.StartAsync(), AzuriteInstance.StartAsync() };
        var instances = await Task.WhenAll(starting);
        try
        {
            int[] ports =
            [
                instances[0].TableEndpoint.Port, instances[0].QueueEndpoint.Port,
                instances[1].TableEndpoint.Port, instances[1].QueueEndpoint.Port,
            ];
            Assert.Equal(ports.Length, ports.Distinct().Count());
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task StartAsync_Endpoints_AreOnLoopbackForTheDevelopmentAccount()
    {
        await using var azurite = await AzuriteInstance.StartAsync();

        Assert.Equal("http://127.0.0.1:" + azurite.TableEndpoint.Port + "/devstoreaccount1", azurite.TableEndpoint.ToString());
        Assert.Equal("http://127.0.0.1:" + azurite.QueueEndpoint.Port + "/devstoreaccount1", azurite.QueueEndpoint.ToString());
        Assert.Contains($"TableEndpoint={azurite.TableEndpoint};", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"QueueEndpoint={azurite.QueueEndpoint};", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("AccountName=devstoreaccount1;", azurite.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_StopsTheEmulator()
    {
        var azurite = await AzuriteInstance.StartAsync();
        var port = azurite.TableEndpoint.Port;
        await AssertAcceptsConnectionsAsync(port);

        await azurite.DisposeAsync();

        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }

    [Fact]
    public async Task DisposeAsync_Twice_IsHarmless()
    {
        var azurite = await AzuriteInstance.StartAsync();

        await azurite.DisposeAsync();
        await azurite.DisposeAsync();
    }

    private static async Task AssertAcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        Assert.True(client.Connected);
    }
}
