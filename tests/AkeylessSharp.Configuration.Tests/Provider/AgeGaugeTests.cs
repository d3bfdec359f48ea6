using System.Diagnostics.Metrics;
using AkeylessSharp.Configuration.Internal;
using AkeylessSharp.Configuration.Tests.TestSupport;
using AkeylessSharp.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Configuration.Tests.Provider;

/// <summary>Several providers in one process: one meter, one age instrument, one measurement per live provider.</summary>
public sealed class AgeGaugeTests
{
    private const string Age = "akeyless.configuration.age";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeAkeylessClient _client = new FakeAkeylessClient().Set("/app/A", "a1").Set("/other/B", "b1");

    [Fact]
    public void Providers_WithoutMetricsOfTheirOwn_ShareOneMeterWithOneAgeInstrument()
    {
        using var root = Build(null, "/app", "/other");
        var providers = root.Providers.OfType<AkeylessConfigurationProvider>().ToArray();
        var meter = providers[0].Metrics.Meter;

        Assert.Same(meter, providers[1].Metrics.Meter);
        Assert.Equal(AkeylessTelemetry.Name, meter.Name);
        Assert.Equal(1, CountInstruments(meter, Age));
    }

    [Fact]
    public void AgeGauge_TwoProviders_OneMeasurementEachTaggedWithItsPaths()
    {
        var metrics = new ConfigurationMetrics(new Meter(AkeylessTelemetry.Name));
        using var root = Build(metrics, "/app", "/other");
        _time.Advance(TimeSpan.FromSeconds(42));

        var measured = Observe(metrics);

        Assert.Equal(1, CountInstruments(metrics.Meter, Age));
        Assert.Equal(["/app", "/other"], measured.Keys.Order(StringComparer.Ordinal));
        Assert.All(measured.Values, age => Assert.Equal(42, age));
        metrics.Meter.Dispose();
    }

    [Fact]
    public void AgeGauge_ProviderDisposed_NoLongerMeasured()
    {
        var metrics = new ConfigurationMetrics(new Meter(AkeylessTelemetry.Name));
        using var root = Build(metrics, "/app", "/other");

        root.Providers.OfType<AkeylessConfigurationProvider>().First().Dispose();

        Assert.Equal(["/other"], Observe(metrics).Keys);
        metrics.Meter.Dispose();
    }

    [Fact]
    public void AgeGauge_TwoProvidersOfTheSamePaths_TaggedApart()
    {
        var metrics = new ConfigurationMetrics(new Meter(AkeylessTelemetry.Name));
        using var root = Build(metrics, "/app", "/app");

        Assert.Equal(["/app", "/app (2)"], Observe(metrics).Keys.Order(StringComparer.Ordinal));
        metrics.Meter.Dispose();
    }

    private ConfigurationRoot Build(ConfigurationMetrics? metrics, params string[] basePaths)
    {
        var builder = new ConfigurationBuilder();
        foreach (var basePath in basePaths)
        {
            builder.AddAkeyless(o =>
            {
                o.Client = _client;
                o.TimeProvider = _time;
                o.BasePaths.Add(basePath);
            });
            builder.Sources.OfType<AkeylessConfigurationSource>().Last().Metrics = metrics;
        }

        return (ConfigurationRoot)builder.Build();
    }

    private static int CountInstruments(Meter meter, string name)
    {
        var count = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) => count += ReferenceEquals(instrument.Meter, meter) && instrument.Name == name ? 1 : 0,
        };
        listener.Start();
        return count;
    }

    private static Dictionary<string, double> Observe(ConfigurationMetrics metrics)
    {
        var measured = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter) && instrument.Name == Age)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var source = tags.ToArray().Single(t => t.Key == ConfigurationMetrics.SourceTag).Value;
            measured.Add((string)source!, value);
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return measured;
    }
}
