using System.Diagnostics.Metrics;
using AkeylessSharp.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AkeylessSharp.Tests.DependencyInjection;

public sealed class AkeylessServiceCollectionExtensionsTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AddAkeyless_ConfigurationSection_ResolvesWorkingDefaultClient()
    {
        using var provider = Build(services => services.AddAkeyless(Section()));

        var client = provider.GetRequiredService<IAkeylessClient>();

        Assert.Same(client, provider.GetRequiredService<AkeylessClient>());
        Assert.Same(client, provider.GetRequiredService<IAkeylessClientFactory>().CreateClient(""));
        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public async Task AddAkeyless_TheInjectedInterface_SendsRawCommands()
    {
        using var provider = Build(services => services.AddAkeyless(Section()));

        var item = await provider.GetRequiredService<IAkeylessClient>().InvokeAsync("describe-item", new System.Text.Json.Nodes.JsonObject { ["name"] = EmulatorHarness.StaticPath });

        Assert.Equal(EmulatorHarness.StaticPath, (string?)item?["item_name"]);
    }

    [Fact]
    public async Task AddAkeyless_NamedClients_AreSeparate()
    {
        using var provider = Build(services =>
        {
            services.AddAkeyless("admin", Section());
            services.AddAkeyless("reader", o => Apply(o, TestCredentials.ReaderAccessId, TestCredentials.ReaderAccessKey));
        });
        var factory = provider.GetRequiredService<IAkeylessClientFactory>();

        var admin = factory.CreateClient("admin");
        var reader = factory.CreateClient("reader");

        Assert.NotSame(admin, reader);
        Assert.Same(admin, factory.CreateClient("admin"));
        Assert.Equal(AkeylessPermissions.Read | AkeylessPermissions.List, await reader.GetPermissionsAsync(EmulatorHarness.StaticPath));
        Assert.Null(provider.GetService<IAkeylessClient>());
    }

    [Fact]
    public void CreateClient_NameNeverRegisteredWithAddAkeyless_ThrowsNamingItAndTheRegisteredNames()
    {
        using var provider = Build(services =>
        {
            services.AddAkeyless("admin", Section());

            // Named options alone register no client: no resilience handler, attempt timeout or response limit behind it.
            services.Configure<AkeylessClientOptions>("reports", o => Apply(o, TestCredentials.ReaderAccessId, TestCredentials.ReaderAccessKey));
        });
        var factory = provider.GetRequiredService<IAkeylessClientFactory>();

        var typo = Assert.Throws<AkeylessConfigurationException>(() => factory.CreateClient("admn"));
        var optionsOnly = Assert.Throws<AkeylessConfigurationException>(() => factory.CreateClient("reports"));

        Assert.Contains("'admn'", typo.Message, StringComparison.Ordinal);
        Assert.Contains("'admin'", typo.Message, StringComparison.Ordinal);
        Assert.Contains("AddAkeyless(\"reports\"", optionsOnly.Message, StringComparison.Ordinal);
        Assert.NotNull(factory.CreateClient("admin"));
    }

    [Fact]
    public async Task AddAkeyless_ConfigurationReloadedAfterTheClientWasBuilt_ItsHttpPipelineKeepsTheClientsOptions()
    {
        var root = Root();
        using var provider = Build(services => services.AddAkeyless(root.GetSection("Akeyless")));
        var client = provider.GetRequiredService<IAkeylessClient>();

        // An edit that no longer validates: the client was built with valid options and keeps them, as it keeps its credentials.
        root["Akeyless:MaxRetries"] = "99";

        // The options monitor validates again on the reload itself (any validated options bound to configuration do): the
        // host's concern. What matters here is the client's next call.
        _ = Record.Exception(root.Reload);

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public void AddAkeyless_InvalidOptions_FailsOnStartNamingField()
    {
        using var provider = Build(services => services.AddAkeyless(o => { o.AccessId = "nope"; o.AccessKey = "k"; }));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AccessId must look like 'p-'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAkeyless_ServiceUnavailable_ResilienceHandlerRetries()
    {
        using var provider = Build(services => services.AddAkeyless(Section()));
        var client = provider.GetRequiredService<IAkeylessClient>();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("get-secret-value", 2, 503);

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Equal(3, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task AddAkeyless_EveryAttemptTimesOut_RetriedThenThrowsTimeout()
    {
        using var provider = Build(services => services.AddAkeyless(o =>
        {
            Apply(o, _harness.Emulator.AccessId, _harness.Emulator.AccessKey);
            o.MaxRetries = 1;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(150);
        }));
        var client = provider.GetRequiredService<IAkeylessClient>();
        await _harness.AuthenticateThenStallReadsAsync(client);

        var ex = await Assert.ThrowsAsync<AkeylessTimeoutException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal("get-secret-value", ex.Command);
        Assert.Equal(2, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task AddAkeyless_Retry_PollyMetricNamesTheAkeylessPipeline()
    {
        var events = new System.Collections.Concurrent.ConcurrentBag<(string? Event, string? Pipeline, object? Instance, object? ErrorType, int Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Polly" && instrument.Name == "resilience.polly.strategy.events")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, _, tags, _) =>
        {
            var all = tags.ToArray();
            events.Add((Tag(all, "event.name") as string, Tag(all, "pipeline.name") as string, Tag(all, "pipeline.instance"), Tag(all, "error.type"), all.Length));
        });
        listener.Start();
        using var provider = Build(services =>
        {
            services.AddAkeyless("metered", o => Apply(o, _harness.Emulator.AccessId, _harness.Emulator.AccessKey));
            services.AddAkeyless("other", o => Apply(o, _harness.Emulator.AccessId, _harness.Emulator.AccessKey));
        });
        var client = provider.GetRequiredService<IAkeylessClientFactory>().CreateClient("metered");
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("get-secret-value", 1, 503);

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));

        // The tags AddResilienceHandler gave the pipeline's metrics before it was replaced by the client's own handler.
        var retry = Assert.Single(events, e => e.Event == "OnRetry" && e.Pipeline == "AkeylessSharp.metered-akeyless");
        Assert.Equal(string.Empty, retry.Instance);
        Assert.Equal("503", retry.ErrorType);

        // Two registrations, one enrichment: no tag twice.
        Assert.Equal(6, retry.Tags);

        static object? Tag(KeyValuePair<string, object?>[] tags, string key) => tags.FirstOrDefault(t => t.Key == key).Value;
    }

    [Fact]
    public void AddAkeyless_HttpClient_TotalRequestTimeoutIsItsTimeout()
    {
        using var provider = Build(services => services.AddAkeyless("t", o =>
        {
            Apply(o, _harness.Emulator.AccessId, _harness.Emulator.AccessKey);
            o.TotalRequestTimeout = TimeSpan.FromSeconds(42);
        }));

        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(AkeylessServiceCollectionExtensions.HttpClientName("t"));

        Assert.Equal(TimeSpan.FromSeconds(42), http.Timeout);
    }

    [Fact]
    public void AddAkeyless_ReturnsBuilderForExtensions()
    {
        var services = new ServiceCollection();

        var builder = services.AddAkeyless("x", Section());

        Assert.Same(services, builder.Services);
        Assert.Equal("x", builder.Name);
    }

    [Theory]
    [InlineData(true, HealthStatus.Healthy)]
    [InlineData(false, HealthStatus.Unhealthy)]
    public async Task AddHealthChecks_AddAkeyless_ReportsAuthentication(bool validKey, HealthStatus expected)
    {
        using var provider = Build(services =>
        {
            services.AddAkeyless(o => Apply(o, _harness.Emulator.AccessId, validKey ? _harness.Emulator.AccessKey : "bad"));
            services.AddHealthChecks().AddAkeyless();
        });

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(expected, report.Entries["akeyless"].Status);
    }

    private ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        configure(services);
        return services.BuildServiceProvider(validateScopes: true);
    }

    private IConfigurationSection Section() => Root().GetSection("Akeyless");

    private IConfigurationRoot Root() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Akeyless:ApiUrl"] = _harness.Emulator.BaseUrl.ToString(),
            ["Akeyless:AccessType"] = "api_key",
            ["Akeyless:AccessId"] = _harness.Emulator.AccessId,
            ["Akeyless:AccessKey"] = _harness.Emulator.AccessKey,
            ["Akeyless:RetryBaseDelay"] = "00:00:00.001",
        })
        .Build();

    private void Apply(AkeylessClientOptions o, string accessId, string accessKey)
    {
        o.ApiUrl = _harness.Emulator.BaseUrl.ToString();
        o.AccessId = accessId;
        o.AccessKey = accessKey;
        o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
    }
}
