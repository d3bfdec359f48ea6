using System.Diagnostics;
using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Emulator;

/// <summary>Reloads against a slow, failing or vanished Akeyless, cancelled, disposed midway, and run concurrently with reads.</summary>
public class EmulatorReloadRaceTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMinutes(1);

    private static Dictionary<string, string> Secrets() => new() { ["/app/A"] = "a1", ["/app/B"] = "b1" };

    [Fact]
    public async Task ReloadAsync_CallerCancelsWhileAkeylessIsSlow_ThrowsCancellation_KeepsValuesAndRecordsNoError()
    {
        await using var fx = await EmulatorFixture.StartAsync(Secrets());
        using var h = new ProviderHarness(fx.Client());
        var config = h.Build(o => o.BasePaths.Add("/app"));
        fx.Emulator.Faults.AddLatency("list-items", TimeSpan.FromSeconds(30));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Provider.ReloadAsync(cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Equal("a1", config["A"]);
        Assert.Null(h.Provider.LastError);

        fx.Emulator.Faults.Clear();
        Assert.False(await h.Provider.ReloadAsync());
        Assert.Null(h.Provider.LastError);
    }

    [Fact]
    public async Task Dispose_DuringATimerReloadAgainstASlowAkeyless_EndsTheReloadWithoutAChangeOrAnUnobservedFault()
    {
        var unobserved = new List<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> record = (_, e) => { lock (unobserved) { unobserved.AddRange(e.Exception.InnerExceptions); } };
        TaskScheduler.UnobservedTaskException += record;
        try
        {
            await using var fx = await EmulatorFixture.StartAsync(Secrets());
            var writer = fx.Client();
            var h = new ProviderHarness(fx.Client());
            var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });
            var provider = h.Provider;
            var changes = 0;
            using var registration = config.GetReloadToken().RegisterChangeCallback(_ => Interlocked.Increment(ref changes), null);
            await writer.UpdateSecretValueAsync("/app/A", "a2");
            fx.Emulator.Faults.AddLatency("get-secret-value", TimeSpan.FromSeconds(30));

            h.Time.Advance(s_interval);
            var pending = provider.PendingReload;
            await Task.Delay(50);
            h.Dispose();

            await pending.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, changes);
            await Assert.ThrowsAsync<ObjectDisposedException>(() => provider.ReloadAsync());
        }
        finally
        {
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await Task.Delay(20);
            }

            TaskScheduler.UnobservedTaskException -= record;
        }

        Assert.Empty(unobserved);
    }

    [Fact]
    public async Task Dispose_DuringAReloadAsyncAgainstASlowAkeyless_EndsTheReloadAtOnce_WithoutAChange()
    {
        await using var fx = await EmulatorFixture.StartAsync(Secrets());
        var writer = fx.Client();
        var h = new ProviderHarness(fx.Client());
        var config = h.Build(o => o.BasePaths.Add("/app"));
        var provider = h.Provider;
        var changes = 0;
        using var registration = config.GetReloadToken().RegisterChangeCallback(_ => Interlocked.Increment(ref changes), null);
        await writer.UpdateSecretValueAsync("/app/A", "a2");
        fx.Emulator.Faults.AddLatency("get-secret-value", TimeSpan.FromSeconds(30));

        var reload = provider.ReloadAsync();
        await Task.Delay(50);
        h.Dispose();

        // The shared client is not the provider's to dispose: only the provider's own cancellation can end the reload early.
        var ended = await Assert.ThrowsAsync<ObjectDisposedException>(() => reload.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(typeof(AkeylessConfigurationProvider).FullName, ended.ObjectName);
        Assert.Equal(0, changes);
        Assert.Null(provider.LastError);
    }

    [Fact]
    public async Task Reload_AkeylessGone_FailsTypedWithinTheClientTimeout_AndKeepsValues()
    {
        var fx = await EmulatorFixture.StartAsync(Secrets());
        var client = new AkeylessClient(fx.ClientOptions());
        using var h = new ProviderHarness(client);
        var config = h.Build(o => o.BasePaths.Add("/app"));
        await fx.DisposeAsync();
        var watch = Stopwatch.StartNew();

        Assert.False(await h.Provider.ReloadAsync());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60));
        Assert.IsAssignableFrom<AkeylessException>(h.Provider.LastError);
        Assert.Equal("a1", config["A"]);
        Assert.Equal("b1", config["B"]);
        client.Dispose();
    }

    [Fact]
    public async Task ConcurrentReloadsAndReads_WhileSecretsChange_NeverFail_AndEndOnTheLastValue()
    {
        await using var fx = await EmulatorFixture.StartAsync(Secrets());
        var writer = fx.Client();
        using var h = new ProviderHarness(fx.Client());
        var config = h.Build(o => o.BasePaths.Add("/app"));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Assert.StartsWith("a", config["A"], StringComparison.Ordinal);
                Assert.Equal("b1", config["B"]);
                _ = config.AsEnumerable().Count();
            }
        })).ToArray();
        var reloaders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await h.Provider.ReloadAsync();
                Assert.Null(h.Provider.LastError);
            }
        })).ToArray();
        for (var i = 2; i <= 6; i++)
        {
            await writer.UpdateSecretValueAsync("/app/A", "a" + i);
        }

        await Task.WhenAll(reloaders);
        await h.Provider.ReloadAsync();
        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.Equal("a6", config["A"]);
    }

    [Fact]
    public async Task Reload_AkeylessRateLimitsWithAnHourLongRetryAfter_EndsWithinTheClientTimeout_TypedAndKeepsValues()
    {
        await using var fx = await EmulatorFixture.StartAsync(Secrets());
        var options = fx.ClientOptions();
        options.MaxRetries = 2;
        options.Timeout = TimeSpan.FromSeconds(2);
        using var client = new AkeylessClient(options);
        using var h = new ProviderHarness(client);
        var config = h.Build(o => o.BasePaths.Add("/app"));
        fx.Emulator.Faults.FailNext("list-items", 10, 429, TimeSpan.FromHours(1));
        var watch = Stopwatch.StartNew();

        Assert.False(await h.Provider.ReloadAsync().WaitAsync(TimeSpan.FromMinutes(2)));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.IsAssignableFrom<AkeylessException>(h.Provider.LastError);
        Assert.Equal("a1", config["A"]);
    }
}
