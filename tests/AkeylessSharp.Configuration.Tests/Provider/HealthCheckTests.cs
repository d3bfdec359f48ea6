using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkeylessSharp.Configuration.Tests.Provider;

/// <summary>The configuration provider's health check: Healthy, Degraded on a failed reload or stale data, failing before any load.</summary>
public class HealthCheckTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AddAkeylessConfiguration_BlankCheckName_ThrowsNamingName(string name)
    {
        var checks = new ServiceCollection().AddHealthChecks();

        var error = Assert.Throws<ArgumentException>(() => checks.AddAkeylessConfiguration(name: name));

        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public async Task FreshLoad_Healthy()
    {
        using var h = new ProviderHarness(new FakeAkeylessClient().Set("/app/A", "a1"));
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });

        var report = await CheckAsync(config);

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal("Akeyless (/app): values loaded 00:00:00 ago.", report.Description);
    }

    [Fact]
    public async Task LastReloadFailed_DegradedWithTheError()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a1");
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });

        client.FailNext(FakeAkeylessClient.Unavailable());
        await h.TickAsync(s_interval);
        var report = await CheckAsync(config);

        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Equal("Akeyless (/app): the last reload failed; serving values loaded 00:05:00 ago. Service unavailable.", report.Description);
        Assert.Same(h.Provider.LastError, report.Exception);

        await h.TickAsync(s_interval);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(config)).Status);
    }

    [Fact]
    public async Task OlderThanBound_Degraded()
    {
        using var h = new ProviderHarness(new FakeAkeylessClient().Set("/app/A", "a1"));
        var config = h.Build(o => o.BasePaths.Add("/app"));

        h.Time.Advance(TimeSpan.FromMinutes(11));
        var report = await CheckAsync(config, TimeSpan.FromMinutes(10));

        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Equal("Akeyless (/app): values were loaded 00:11:00 ago, more than the allowed 00:10:00.", report.Description);
    }

    [Fact]
    public async Task NoBound_DefaultIsThreeReloadIntervals()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a1");
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });

        // Stop the reload timer, as a hung or stopped reload loop would: the data only ages.
        h.Provider.Dispose();
        h.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(config)).Status);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Degraded, (await CheckAsync(config)).Status);
    }

    [Fact]
    public async Task OptionalSourceNeverLoaded_FailureStatus()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a1");
        client.FailNext(FakeAkeylessClient.Unavailable());
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.Optional = true; });

        var report = await CheckAsync(config);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal("Akeyless (/app): no load has succeeded yet.", report.Description);
    }

    [Fact]
    public async Task NoProvider_FailureStatusNamingTheFix()
    {
        var report = await CheckAsync(new ConfigurationBuilder().Build());

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.StartsWith("No Akeyless configuration provider", report.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoProvidersOverTheSamePaths_EachHasItsOwnDataEntry()
    {
        var healthy = new FakeAkeylessClient().Set("/app/A", "a1");
        var failing = new FakeAkeylessClient();
        failing.FailNext(FakeAkeylessClient.Unavailable());
        var config = new ConfigurationBuilder()
            .AddAkeyless(o => { o.Client = healthy; o.BasePaths.Add("/app"); })
            .AddAkeyless(o => { o.Client = failing; o.BasePaths.Add("/app"); o.Optional = true; })
            .Build();

        var report = await CheckAsync(config);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(2, report.Data.Count);
        Assert.Contains(report.Data.Values, v => ((string)v).Contains("values loaded", StringComparison.Ordinal));
        Assert.Contains(report.Data.Values, v => ((string)v).Contains("no load has succeeded", StringComparison.Ordinal));
        ((IDisposable)config).Dispose();
    }

    [Fact]
    public async Task AProviderInsideAConfigurationAddedWhole_IsChecked()
    {
        var failing = new FakeAkeylessClient();
        failing.FailNext(FakeAkeylessClient.Unavailable());
        using var host = (IDisposable)new ConfigurationBuilder().AddAkeyless(o => { o.Client = failing; o.BasePaths.Add("/app"); o.Optional = true; }).Build();
        var config = new ConfigurationBuilder().AddConfiguration((IConfiguration)host).Build();

        var report = await CheckAsync(config);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("no load has succeeded", report.Description, StringComparison.Ordinal);
    }

    private static async Task<HealthReportEntry> CheckAsync(IConfiguration configuration, TimeSpan? maxAge = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.AddHealthChecks().AddAkeylessConfiguration(maxAge);
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["akeyless-configuration"];
    }
}
