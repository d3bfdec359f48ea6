using AkeylessSharp.Caching.StackExchangeRedis;
using AkeylessSharp.Caching.Tests.Infrastructure;
using AkeylessSharp.Tests.Infrastructure;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>A fetch-lock call abandoned by the caller's cancellation that fails later must not surface as an unobserved task exception.</summary>
[Collection(nameof(UnobservedFaultTests))]
public sealed class UnobservedLockFaultTests
{
    [Fact]
    public async Task TryAcquireAsync_CancelledWhileConnecting_ConnectionFailsLater_FailureIsObserved()
    {
        using var unobserved = new UnobservedTaskExceptions();

        await AbandonConnectionThenLetItFailAsync();

        Assert.DoesNotContain(await unobserved.SeenAfterCollectionAsync(), e => e is RedisException);
    }

    private static async Task AbandonConnectionThenLetItFailAsync()
    {
        await using var server = await RedisServer.StartAsync();
        await using var admin = await ConnectionMultiplexer.ConnectAsync(server.Configuration());
        await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("CLIENT", "PAUSE", "10000", "ALL");
        var configuration = server.Configuration();
        configuration.AbortOnConnectFail = true;
        configuration.ConnectTimeout = 1000;

        // The handshake hangs on the paused server until the connect timeout, long after the caller gave up.
        var fetchLock = new RedisSecretFetchLock(async () => await ConnectionMultiplexer.ConnectAsync(configuration), "unobserved-lock:");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await fetchLock.TryAcquireAsync("/app/a", TimeSpan.FromSeconds(30), cancellation.Token));

        await Task.Delay(TimeSpan.FromSeconds(2));
    }
}
