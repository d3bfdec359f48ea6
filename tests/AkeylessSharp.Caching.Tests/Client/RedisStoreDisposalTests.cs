using System.Net;
using System.Net.Sockets;
using AkeylessSharp.Caching.StackExchangeRedis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>The Redis connection of <c>AddRedisCache</c> is closed with the container even when it was still being made.</summary>
public sealed class RedisStoreDisposalTests
{
    [Fact]
    public async Task Dispose_WhileTheConnectionIsBeingMade_ClosesItWhenItIsMade()
    {
        // Accepts connections and never answers: the connection stays in its handshake until its connect timeout.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        int port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var store = new RedisSecretStore(new RedisCacheOptions { Configuration = $"127.0.0.1:{port},abortConnect=false,connectTimeout=500" });

        var connecting = store.ConnectAsync();
        Assert.False(connecting.IsCompleted);
        store.Dispose();
        var connection = await connecting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Throws<ObjectDisposedException>(() => connection.GetDatabase().Ping());
    }

    [Fact]
    public async Task ConnectAsync_AfterDispose_MakesNoConnection()
    {
        var store = new RedisSecretStore(new RedisCacheOptions { Configuration = "127.0.0.1:1,abortConnect=false,connectTimeout=500" });
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ConnectAsync());
    }
}
