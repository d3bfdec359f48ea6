using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkeylessSharp.Tests.Diagnostics;

/// <summary>A check whose client cannot be built reports that as its failure, and the other checks still run.</summary>
public sealed class HealthCheckResolutionTests
{
    [Fact]
    public async Task AddAkeyless_ForAClientNameNeverRegistered_ReportsUnhealthyNamingIt_AndTheOtherChecksRun()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAkeyless(o => { o.ApiUrl = "http://127.0.0.1:1/"; o.AccessId = "p-abc"; o.AccessKey = "k"; });
        services.AddHealthChecks().AddAkeyless("billing").AddCheck("other", () => HealthCheckResult.Healthy());
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["akeyless"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.IsType<AkeylessConfigurationException>(entry.Exception);
        Assert.Contains("'billing'", entry.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, report.Entries["other"].Status);
    }

    [Fact]
    public async Task AddAkeyless_WithoutAnyClientRegistered_ReportsUnhealthyTyped_NamingWhatToCall()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHealthChecks().AddAkeyless();
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["akeyless"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.IsType<AkeylessConfigurationException>(entry.Exception);
        Assert.Contains("services.AddAkeyless(", entry.Description, StringComparison.Ordinal);
    }
}
