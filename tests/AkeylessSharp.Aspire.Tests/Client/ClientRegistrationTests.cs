using System.Diagnostics;
using AkeylessSharp.Aspire.Tests.TestSupport;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace AkeylessSharp.Aspire.Tests.Client;

/// <summary>The client integration against a real in-process emulator, given the connection string an app host hands over.</summary>
public sealed class ClientRegistrationTests : IAsyncLifetime
{
    private AkeylessEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await EmulatorSeed.StartAsync(("/app/greeting", "hello from akeyless"), ("/app/Settings/Color", "teal"));

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private HostApplicationBuilder Builder(params (string Key, string Value)[] extra)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:akeyless"] = EmulatorSeed.ConnectionString(_emulator);
        foreach (var (key, value) in extra)
        {
            builder.Configuration[key] = value;
        }

        return builder;
    }

    [Fact]
    public async Task AddAkeylessClient_RegistersAClientThatReadsTheSeededSecret()
    {
        var builder = Builder();
        builder.AddAkeylessClient("akeyless");
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<IAkeylessClient>();

        Assert.Equal("hello from akeyless", await client.GetSecretAsync("/app/greeting"));
    }

    [Fact]
    public async Task AddAkeylessClient_AddsAHealthCheckThatAuthenticates()
    {
        var builder = Builder();
        builder.AddAkeylessClient("akeyless");
        using var host = builder.Build();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Entries["Akeyless"].Status);
    }

    [Fact]
    public async Task AddAkeylessClient_HealthCheckReportsUnhealthy_WhenTheKeyIsWrong()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:akeyless"] = $"ApiUrl={_emulator.BaseUrl};AccessId={_emulator.AccessId};AccessKey=wrong-key";
        builder.AddAkeylessClient("akeyless", configureClientOptions: o => o.MaxRetries = 0);
        using var host = builder.Build();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["Akeyless"].Status);
        Assert.DoesNotContain("wrong-key", report.Entries["Akeyless"].Description ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void DisableHealthChecks_LeavesTheCheckOut()
    {
        var builder = Builder(("Aspire:Akeyless:Client:DisableHealthChecks", "true"));
        builder.AddAkeylessClient("akeyless");
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>().Value;

        Assert.DoesNotContain(options.Registrations, r => r.Name.StartsWith("Akeyless", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddKeyedAkeylessClient_ResolvesByConnectionName_WithItsOwnHealthCheck()
    {
        var builder = Builder(("ConnectionStrings:second", EmulatorSeed.ConnectionString(_emulator)));
        builder.AddKeyedAkeylessClient("akeyless");
        builder.AddKeyedAkeylessClient("second");
        using var host = builder.Build();

        var first = host.Services.GetRequiredKeyedService<IAkeylessClient>("akeyless");
        var second = host.Services.GetRequiredKeyedService<IAkeylessClient>("second");

        Assert.NotSame(first, second);
        Assert.Equal("teal", await second.GetSecretAsync("/app/Settings/Color"));
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(["Akeyless_akeyless", "Akeyless_second"], report.Entries.Keys.Order());
        Assert.Null(host.Services.GetService<IAkeylessClient>());
    }

    [Fact]
    public void AddAkeylessClient_WithoutAConnection_FailsNamingTheConnectionString()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        var error = Assert.Throws<AkeylessConfigurationException>(() => builder.AddAkeylessClient("missing"));

        Assert.Contains("ConnectionStrings:missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAkeylessClient_WithoutAConnection_ButTuningTheClient_FailsNamingTheConnectionString()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddAkeylessClient("missing", configureClientOptions: o => o.MaxRetries = 0);
        using var host = builder.Build();

        var error = Assert.Throws<AkeylessConfigurationException>(() => host.Services.GetRequiredService<IAkeylessClient>());

        Assert.Contains("ConnectionStrings:missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAkeylessClient_WithTheCredentialsSetInCode_NeedsNoConnectionString()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var connection = AkeylessClientOptions.FromConnectionString(EmulatorSeed.ConnectionString(_emulator));
        builder.AddAkeylessClient("incode", configureClientOptions: o =>
        {
            o.ApiUrl = connection.ApiUrl;
            o.AccessId = connection.AccessId;
            o.AccessKey = connection.AccessKey;
        });
        using var host = builder.Build();

        Assert.Equal("hello from akeyless", await host.Services.GetRequiredService<IAkeylessClient>().GetSecretAsync("/app/greeting"));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Tracing_ExportsTheClientSpans_UnlessDisabled(bool disableTracing, bool expectSpans)
    {
        var spans = new List<Activity>();
        var builder = Builder(("Aspire:Akeyless:Client:DisableTracing", disableTracing ? "true" : "false"));
        builder.AddAkeylessClient("akeyless");
        builder.Services.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(spans));
        using var host = builder.Build();
        await host.StartAsync();

        await host.Services.GetRequiredService<IAkeylessClient>().GetSecretAsync("/app/greeting");
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        await host.StopAsync();

        Assert.Equal(expectSpans, spans.Any(s => s.Source.Name == AkeylessSharp.Diagnostics.AkeylessTelemetry.Name));
    }

    [Fact]
    public void AddAkeylessSecrets_LoadsTheBasePathIntoConfiguration()
    {
        var configuration = new ConfigurationManager();
        configuration["ConnectionStrings:akeyless"] = EmulatorSeed.ConnectionString(_emulator);
        configuration["Aspire:Akeyless:Configuration:BasePaths:0"] = "/app";

        configuration.AddAkeylessSecrets("akeyless", o => o.ReloadInterval = null);

        Assert.Equal("teal", configuration["Settings:Color"]);
        Assert.Equal("hello from akeyless", configuration["greeting"]);
    }

    [Fact]
    public void AddAkeylessSecrets_WithoutAConnection_FailsNamingTheConnectionString()
    {
        var configuration = new ConfigurationManager();

        var error = Assert.Throws<AkeylessConfigurationException>(() => configuration.AddAkeylessSecrets("vault"));

        Assert.Contains("ConnectionStrings:vault", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAkeylessSecrets_WithoutAConnection_ButChoosingWhatToLoad_FailsNamingTheConnectionString()
    {
        var configuration = new ConfigurationManager();

        var error = Assert.Throws<AkeylessConfigurationException>(() => configuration.AddAkeylessSecrets("vault", o => o.BasePaths.Add("/myapp")));

        Assert.Contains("ConnectionStrings:vault", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAkeylessSecrets_WithTheClientOptionsSetInCode_NeedsNoConnectionString()
    {
        var configuration = new ConfigurationManager();
        var connection = AkeylessClientOptions.FromConnectionString(EmulatorSeed.ConnectionString(_emulator));

        configuration.AddAkeylessSecrets("unused", o =>
        {
            o.ClientOptions.ApiUrl = connection.ApiUrl;
            o.ClientOptions.AccessId = connection.AccessId;
            o.ClientOptions.AccessKey = connection.AccessKey;
            o.Paths.Add("/app/greeting");
            o.ReloadInterval = null;
        });

        Assert.Equal("hello from akeyless", configuration["app:greeting"]);
    }

    [Fact]
    public void AddAkeylessSecrets_WithTheClientSetInCode_NeedsNoConnectionString()
    {
        var configuration = new ConfigurationManager();
        using var client = new AkeylessClient(AkeylessClientOptions.FromConnectionString(EmulatorSeed.ConnectionString(_emulator)));

        configuration.AddAkeylessSecrets("unused", o =>
        {
            o.Client = client;
            o.Paths.Add("/app/greeting");
        });

        Assert.Equal("hello from akeyless", configuration["app:greeting"]);
    }
}
