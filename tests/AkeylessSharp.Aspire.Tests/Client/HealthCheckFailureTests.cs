using System.Diagnostics;
using AkeylessSharp.Aspire.Tests.TestSupport;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AkeylessSharp.Aspire.Tests.Client;

/// <summary>The client integration's health check against a hanging, failing or absent Akeyless: it ends within its timeout and reports, never throws.</summary>
public sealed class HealthCheckFailureTests : IAsyncLifetime
{
    private AkeylessEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorSeed.StartAsync(("/app/greeting", "hello"));

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static async Task<HealthReportEntry> CheckAsync(string connectionString, Action<AkeylessClientSettings>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:akeyless"] = connectionString;
        builder.AddAkeylessClient("akeyless", settings, o => o.MaxRetries = 0);
        using var host = builder.Build();
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["Akeyless"];
    }

    [Fact]
    public async Task AkeylessHangs_TheCheckEndsWithinItsTimeout_Unhealthy()
    {
        _emulator.Faults.AddLatency("auth", TimeSpan.FromSeconds(5));
        var watch = Stopwatch.StartNew();

        var entry = await CheckAsync(EmulatorSeed.ConnectionString(_emulator), s => s.HealthCheckTimeout = TimeSpan.FromMilliseconds(300));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    public async Task AkeylessFails_TheCheckIsUnhealthy_WithoutTheKey(int status)
    {
        _emulator.Faults.FailNext("auth", 10, status);

        var entry = await CheckAsync(EmulatorSeed.ConnectionString(_emulator));

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.DoesNotContain(_emulator.AccessKey, (entry.Description ?? "") + entry.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingListens_TheCheckIsUnhealthy_WithoutTheKey()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var entry = await CheckAsync($"ApiUrl=http://127.0.0.1:{port}/;AccessId=p-abc;AccessKey=Unused-K3y");

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.DoesNotContain("Unused-K3y", (entry.Description ?? "") + entry.Exception, StringComparison.Ordinal);
    }
}
