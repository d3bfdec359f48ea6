using AkeylessSharp.Caching.Tests.Infrastructure;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>A Redis call given up on after the operation timeout that fails later must not surface as an unobserved task exception.</summary>
[Collection(nameof(UnobservedFaultTests))]
public sealed class UnobservedFaultTests
{
    [Fact]
    public async Task ATimedOutRedisCall_ThatFailsLater_IsObserved()
    {
        var unobserved = new List<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> record = (_, e) => { lock (unobserved) { unobserved.AddRange(e.Exception.InnerExceptions); } };
        TaskScheduler.UnobservedTaskException += record;
        try
        {
            await RunAsync();
            for (var i = 0; i < 5; i++)
            {
                await Task.Delay(50);
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= record;
        }

        lock (unobserved)
        {
            Assert.DoesNotContain(unobserved, e => e is RedisException);
        }
    }

    private static async Task RunAsync()
    {
        await using var server = await RedisServer.StartAsync();
        await using var admin = await ConnectionMultiplexer.ConnectAsync(server.Configuration());
        var options = DistributedSecretCacheTests.Options();
        options.DistributedCacheTimeout = TimeSpan.FromMilliseconds(100);
        using var distributed = await server.CreateDistributedCacheAsync();
        var cache = new DistributedSecretCache(distributed, options);
        await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("CLIENT", "PAUSE", "10000", "ALL");

        Assert.Null(await cache.GetAsync("/app/a"));
        Assert.False(cache.IsDistributedCacheAvailable);

        server.Kill();
        await Task.Delay(500);
    }
}

/// <summary>Runs alone: the unobserved exception handler is process-wide, so other tests' failures must not reach it.</summary>
[CollectionDefinition(nameof(UnobservedFaultTests), DisableParallelization = true)]
public sealed class UnobservedFaultCollection
{
}
