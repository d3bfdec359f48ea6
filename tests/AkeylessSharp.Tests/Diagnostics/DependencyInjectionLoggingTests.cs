using AkeylessSharp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AkeylessSharp.Tests.Diagnostics;

/// <summary>What an application with default logging (Information and up) sees of the DI-registered client.</summary>
public sealed class DependencyInjectionLoggingTests : IAsyncLifetime
{
    private readonly FakeLogCollector _logs = new();
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task HundredReads_DefaultLogging_NoPerRequestInformationLine()
    {
        await using var provider = Build();
        var client = provider.GetRequiredService<IAkeylessClient>();

        for (var i = 0; i < 100; i++)
        {
            await client.GetSecretAsync(EmulatorHarness.StaticPath);
        }

        // One line for the whole run: the token was obtained. Nothing from IHttpClientFactory or Polly.
        var record = Assert.Single(_logs.GetSnapshot());
        Assert.Equal((200, "AkeylessSharp.AkeylessClient"), (record.Id.Id, record.Category));
        Assert.Equal(1, _harness.Emulator.Counters.Get("auth"));
        Assert.Equal(100, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task Retries_DiClient_OneClientWarningPerRetryAndNoPollyLines()
    {
        await using var provider = Build();
        var client = provider.GetRequiredService<IAkeylessClient>();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("get-secret-value", 2, 503);
        _logs.Clear();

        await client.GetSecretAsync(EmulatorHarness.StaticPath);

        var records = _logs.GetSnapshot();
        Assert.Equal([105, 105], records.Select(r => r.Id.Id));
        Assert.All(records, r => Assert.Equal((LogLevel.Warning, "AkeylessSharp.AkeylessClient"), (r.Level, r.Category)));
    }

    [Fact]
    public async Task AddDefaultLogger_OnTheAkeylessHttpClient_BringsHandlerLoggingBack()
    {
        await using var provider = Build(services => services.AddHttpClient("AkeylessSharp").AddDefaultLogger());
        var client = provider.GetRequiredService<IAkeylessClient>();

        await client.GetSecretAsync(EmulatorHarness.StaticPath);

        Assert.Contains(_logs.GetSnapshot(), r => r.Category?.StartsWith("System.Net.Http.HttpClient.AkeylessSharp", StringComparison.Ordinal) == true && r.Level == LogLevel.Information);
    }

    private ServiceProvider Build(Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();

        // The emulator's date, so its tokens do not look expired, with real timers for the retry delays.
        services.AddSingleton<TimeProvider>(new EmulatorDate(_harness.Time));
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new FakeLoggerProvider(_logs)));
        services.AddAkeyless(o =>
        {
            o.ApiUrl = _harness.Emulator.BaseUrl.ToString();
            o.AccessId = _harness.Emulator.AccessId;
            o.AccessKey = _harness.Emulator.AccessKey;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        });
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private sealed class EmulatorDate(TimeProvider emulator) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => emulator.GetUtcNow();
    }
}
