using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AkeylessSharp.Configuration.Tests.Provider;

/// <summary>The provider's metrics: loads by outcome, their duration, keys changed, and the age of the data.</summary>
public class ReloadMetricsTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Reloads_SuccessThenFailure_CountedWithErrorTypeAndDuration()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a1").Set("/app/B", "b1");
        using var h = new ProviderHarness(client);
        h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });
        using var loads = new MetricCollector<long>(h.Provider.Metrics.Meter, "akeyless.configuration.loads");
        using var durations = new MetricCollector<double>(h.Provider.Metrics.Meter, "akeyless.configuration.load.duration");
        using var changedKeys = new MetricCollector<long>(h.Provider.Metrics.Meter, "akeyless.configuration.keys_changed");

        client.Set("/app/A", "a2").Set("/app/C", "c1");
        await h.TickAsync(s_interval);
        client.FailNext(FakeAkeylessClient.Unavailable());
        await h.TickAsync(s_interval);

        var measured = loads.GetMeasurementSnapshot();
        Assert.Equal(2, measured.Count);
        Assert.False(measured[0].Tags.ContainsKey("error.type"));
        Assert.Equal(false, measured[0].Tags["akeyless.configuration.initial"]);
        Assert.Equal("503", measured[1].Tags["error.type"]);
        Assert.Equal(["", "503"], durations.GetMeasurementSnapshot().Select(m => m.Tags.TryGetValue("error.type", out var t) ? (string)t! : ""));
        Assert.Equal(2, Assert.Single(changedKeys.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task AgeGauge_MeasuresTimeSinceLastSuccessfulLoad()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a1");
        using var h = new ProviderHarness(client);
        h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });
        using var age = new MetricCollector<double>(h.Provider.Metrics.Meter, "akeyless.configuration.age");

        client.FailNext(FakeAkeylessClient.Unavailable());
        await h.TickAsync(s_interval);
        h.Time.Advance(TimeSpan.FromSeconds(30));
        age.RecordObservableInstruments();

        Assert.Equal(s_interval.TotalSeconds + 30, age.LastMeasurement!.Value);
        Assert.Equal(s_interval + TimeSpan.FromSeconds(30), h.Provider.DataAge);

        await h.TickAsync(s_interval);
        age.RecordObservableInstruments();

        Assert.Equal(0, age.LastMeasurement!.Value);
    }

    [Fact]
    public void InitialLoad_Failure_CountedAsInitialWithErrorType()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a1");
        client.FailNext(FakeAkeylessClient.Unavailable());
        using var h = new ProviderHarness(client);
        h.Build(o => { o.BasePaths.Add("/app"); o.Optional = true; });
        using var age = new MetricCollector<double>(h.Provider.Metrics.Meter, "akeyless.configuration.age");

        age.RecordObservableInstruments();

        Assert.Null(h.Provider.DataAge);
        Assert.Null(age.LastMeasurement);
    }
}
