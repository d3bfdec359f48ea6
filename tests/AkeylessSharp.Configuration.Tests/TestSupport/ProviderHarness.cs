using System.Diagnostics.Metrics;
using AkeylessSharp.Configuration.Internal;
using AkeylessSharp.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Configuration.Tests.TestSupport;

/// <summary>Builds a configuration over an Akeyless source with a fake clock and a log collector.</summary>
internal sealed class ProviderHarness : IDisposable
{
    private readonly LoggerFactory _loggerFactory;

    public ProviderHarness(IAkeylessClient client)
    {
        Client = client;
        _loggerFactory = new LoggerFactory([Logs]);
    }

    public IAkeylessClient Client { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public FakeLoggerProvider Logs { get; } = new();

    /// <summary>Instruments of this harness's own: tests running alongside record to the shared ones, not these.</summary>
    public ConfigurationMetrics Metrics { get; } = new(new Meter(AkeylessTelemetry.Name));

    public IConfigurationRoot? Root { get; private set; }

    public AkeylessConfigurationProvider Provider =>
        Root!.Providers.OfType<AkeylessConfigurationProvider>().Single();

    public IConfigurationRoot Build(Action<AkeylessConfigurationOptions> configure, Action<IConfigurationBuilder>? before = null)
    {
        var builder = new ConfigurationBuilder();
        before?.Invoke(builder);
        builder.AddAkeyless(options =>
        {
            options.Client = Client;
            options.TimeProvider = Time;
            options.LoggerFactory = _loggerFactory;
            configure(options);
        });
        builder.Sources.OfType<AkeylessConfigurationSource>().Last().Metrics = Metrics;
        Root = builder.Build();
        return Root;
    }

    /// <summary>Moves the clock past one reload interval and waits for the reload it started.</summary>
    public async Task TickAsync(TimeSpan interval)
    {
        Time.Advance(interval);
        await Provider.PendingReload;
    }

    public IReadOnlyList<FakeLogRecord> LogRecords => Logs.Collector.GetSnapshot();

    public void Dispose()
    {
        (Root as IDisposable)?.Dispose();
        Metrics.Meter.Dispose();
        _loggerFactory.Dispose();
        Logs.Dispose();
    }
}
