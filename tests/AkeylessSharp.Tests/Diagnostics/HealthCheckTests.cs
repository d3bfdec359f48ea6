using AkeylessSharp.Caching;
using AkeylessSharp.Diagnostics;
using AkeylessSharp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkeylessSharp.Tests.Diagnostics;

/// <summary>The connection test and the health check contact Akeyless each time (within the result cache interval).</summary>
public sealed class HealthCheckTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task TestConnectionAsync_AkeylessDownWithTokenCached_ReportsFailure()
    {
        using var client = _harness.Client(o => o.MaxRetries = 0);
        Assert.True((await client.TestConnectionAsync()).Success);
        _harness.Emulator.Faults.FailNext("list-items", 10, 503);

        var result = await client.TestConnectionAsync();

        Assert.False(result.Success);
        Assert.IsType<AkeylessServiceUnavailableException>(result.Error);
        Assert.Equal(1, _harness.Emulator.Counters.Get("auth"));
    }

    [Fact]
    public async Task TestConnectionAsync_EveryCall_ContactsAkeyless()
    {
        using var client = _harness.Client();

        await client.TestConnectionAsync();
        await client.TestConnectionAsync();

        Assert.Equal(2, _harness.Emulator.Counters.Get("list-items"));
    }

    [Fact]
    public async Task TestConnectionAsync_RoleCannotListRoot_StillSucceeds()
    {
        using var client = _harness.Client(o => { o.AccessId = TestCredentials.ReaderAccessId; o.AccessKey = TestCredentials.ReaderAccessKey; });

        var result = await client.TestConnectionAsync();

        Assert.True(result.Success, result.Message);
    }

    [Fact]
    public async Task HealthCheck_AkeylessDownWithTokenCached_Unhealthy()
    {
        using var client = _harness.Client(o => o.MaxRetries = 0);
        var check = Check(client, TimeSpan.Zero);
        Assert.Equal(HealthStatus.Healthy, (await RunAsync(check)).Status);
        _harness.Emulator.Faults.FailNext("list-items", 10, 503);

        var result = await RunAsync(check);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("503", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_WithinResultCacheDuration_ReusesResult()
    {
        using var client = _harness.Client();
        var check = Check(client, TimeSpan.FromSeconds(5));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => RunAsync(check)));
        await RunAsync(check);
        Assert.Equal(1, _harness.Emulator.Counters.Get("list-items"));
        _harness.Time.Advance(TimeSpan.FromSeconds(6));
        await RunAsync(check);

        Assert.Equal(2, _harness.Emulator.Counters.Get("list-items"));
    }

    [Fact]
    public async Task HealthCheck_ProbeSecretMissing_UnhealthyNamingPath()
    {
        using var client = _harness.Client();
        var check = Check(client, TimeSpan.Zero, "/no/probe");

        var result = await RunAsync(check);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("/no/probe", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_ProbeSecretReadable_HealthyAndReadsItEveryProbe()
    {
        using var client = _harness.Client(o => o.Cache = new AkeylessCacheOptions { BatchingEnabled = false });
        var check = Check(client, TimeSpan.Zero, EmulatorHarness.StaticPath);

        Assert.Equal(HealthStatus.Healthy, (await RunAsync(check)).Status);
        Assert.Equal(HealthStatus.Healthy, (await RunAsync(check)).Status);

        Assert.Equal(2, _harness.Emulator.Counters.ValueReads(EmulatorHarness.StaticPath));
    }

    [Fact]
    public async Task HealthCheck_AkeylessDownWhileCacheServesStale_Degraded()
    {
        using var client = _harness.Client(o => { o.MaxRetries = 0; o.Cache = new AkeylessCacheOptions { StaticSecretTtl = TimeSpan.FromMinutes(1), BatchingEnabled = false }; });
        var check = Check(client, TimeSpan.Zero);
        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Equal(HealthStatus.Healthy, (await RunAsync(check)).Status);
        _harness.Time.Advance(TimeSpan.FromMinutes(2));
        _harness.Emulator.Faults.FailNext("get-secret-value", 10, 503);
        _harness.Emulator.Faults.FailNext("list-items", 10, 503);

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        var result = await RunAsync(check);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("stale", result.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AddAkeyless_BlankProbeSecretPath_ThrowsAtRegistrationNamingIt(string path)
    {
        var checks = new ServiceCollection().AddHealthChecks();

        var error = Assert.Throws<ArgumentException>(() => checks.AddAkeyless(string.Empty, o => o.ProbeSecretPath = path));

        Assert.Contains(nameof(AkeylessHealthCheckOptions.ProbeSecretPath), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAkeyless_TwoConfiguredChecksUnderTheirOwnNames_EachReportsItsOwnProbe()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAkeyless(o => { o.ApiUrl = _harness.Emulator.BaseUrl.ToString(); o.AccessId = _harness.Emulator.AccessId; o.AccessKey = _harness.Emulator.AccessKey; });
        services.AddHealthChecks()
            .AddAkeyless(string.Empty, "akeyless-db", o => o.ProbeSecretPath = EmulatorHarness.StaticPath)
            .AddAkeyless(string.Empty, "akeyless-missing", o => o.ProbeSecretPath = "/no/probe");
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Entries["akeyless-db"].Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["akeyless-missing"].Status);
        Assert.Contains("/no/probe", report.Entries["akeyless-missing"].Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AddAkeyless_BlankCheckName_ThrowsNamingName(string name)
    {
        var checks = new ServiceCollection().AddHealthChecks();

        var error = Assert.Throws<ArgumentException>(() => checks.AddAkeyless(name: name));

        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public async Task AddAkeyless_WithOptions_RegistersCheckThatReusesResultAcrossRuns()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_harness.Time);
        services.AddAkeyless(o => { o.ApiUrl = _harness.Emulator.BaseUrl.ToString(); o.AccessId = _harness.Emulator.AccessId; o.AccessKey = _harness.Emulator.AccessKey; });
        services.AddHealthChecks().AddAkeyless(string.Empty, o => o.ResultCacheDuration = TimeSpan.FromMinutes(1));
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        var health = provider.GetRequiredService<HealthCheckService>();

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        Assert.Equal(1, _harness.Emulator.Counters.Get("list-items"));
    }

    [Fact]
    public async Task AddAkeyless_WithATimeout_AnAkeylessThatDoesNotAnswer_IsUnhealthyWhenItPasses()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAkeyless(o => { o.ApiUrl = _harness.Emulator.BaseUrl.ToString(); o.AccessId = _harness.Emulator.AccessId; o.AccessKey = _harness.Emulator.AccessKey; });
        services.AddHealthChecks().AddAkeyless(string.Empty, o => o.Timeout = TimeSpan.FromMilliseconds(300));
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        var health = provider.GetRequiredService<HealthCheckService>();
        _harness.Emulator.Faults.AddLatency("list-items", TimeSpan.FromSeconds(30));

        var report = await health.CheckHealthAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("timeout", report.Entries["akeyless"].Description, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void AddAkeyless_TimeoutNeitherPositiveNorInfinite_IsRefusedNamingIt(int milliseconds)
    {
        var checks = new ServiceCollection().AddHealthChecks();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => checks.AddAkeyless(string.Empty, o => o.Timeout = TimeSpan.FromMilliseconds(milliseconds)));

        Assert.Equal("Timeout", error.ParamName);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(10_675_199)]
    public void AddAkeyless_TimeoutLongerThanATimerCanWait_IsRefusedNamingIt(int days)
    {
        // Accepted, HealthCheckService's CancelAfter throws at every run: a healthy Akeyless reported Unhealthy with
        // "Specified argument was out of the range of valid values. (Parameter 'delay')".
        var checks = new ServiceCollection().AddHealthChecks();
        var timeout = days == 10_675_199 ? TimeSpan.MaxValue : TimeSpan.FromDays(days);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => checks.AddAkeyless(string.Empty, o => o.Timeout = timeout));

        Assert.Equal("Timeout", error.ParamName);
        Assert.Contains("InfiniteTimeSpan", error.Message, StringComparison.Ordinal);
    }

    private AkeylessHealthCheck Check(AkeylessClient client, TimeSpan cacheFor, string? probeSecret = null) =>
        new(client, new AkeylessHealthCheckOptions { ResultCacheDuration = cacheFor, ProbeSecretPath = probeSecret }, _harness.Time);

    private static Task<HealthCheckResult> RunAsync(AkeylessHealthCheck check) =>
        check.CheckHealthAsync(new HealthCheckContext { Registration = new HealthCheckRegistration("akeyless", check, HealthStatus.Unhealthy, null) });
}
