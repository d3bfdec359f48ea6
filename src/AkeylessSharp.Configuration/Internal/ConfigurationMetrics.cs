using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using AkeylessSharp.Diagnostics;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// One provider's instruments, on a meter named <see cref="AkeylessTelemetry.Name"/> (so <c>AddMeter("AkeylessSharp")</c>
/// collects them with the client's): loads and reloads by <c>error.type</c>, their duration, the keys they changed, and the
/// age of the data. Tags never carry a path or a value.
/// </summary>
internal sealed class ConfigurationMetrics : IDisposable
{
    public ConfigurationMetrics(Func<TimeSpan?> dataAge)
    {
        Meter = new Meter(AkeylessTelemetry.Name);
        Loads = Meter.CreateCounter<long>("akeyless.configuration.loads", "{load}", "Loads and reloads of the configuration provider; error.type is set on failures.");
        Duration = Meter.CreateHistogram<double>("akeyless.configuration.load.duration", "s", "Duration of loads and reloads, listing and reading included.");
        KeysChanged = Meter.CreateCounter<long>("akeyless.configuration.keys_changed", "{key}", "Configuration keys added, removed or changed by reloads.");
        Meter.CreateObservableGauge(
            "akeyless.configuration.age",
            () => dataAge() is { } age ? [new Measurement<double>(age.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s",
            "Time since the last successful load: how old the configuration's Akeyless values may be.");
    }

    public Meter Meter { get; }

    public Counter<long> Loads { get; }

    public Histogram<double> Duration { get; }

    public Counter<long> KeysChanged { get; }

    public void Succeeded(bool initial, TimeSpan elapsed, int changedKeys)
    {
        var tags = new TagList { { "akeyless.configuration.initial", initial } };
        Loads.Add(1, tags);
        Duration.Record(elapsed.TotalSeconds, tags);
        if (!initial && changedKeys > 0)
        {
            KeysChanged.Add(changedKeys);
        }
    }

    public void Failed(bool initial, TimeSpan elapsed, Exception exception)
    {
        var tags = new TagList { { "akeyless.configuration.initial", initial }, { "error.type", ErrorType(exception) } };
        Loads.Add(1, tags);
        Duration.Record(elapsed.TotalSeconds, tags);
    }

    public void Dispose() => Meter.Dispose();

    private static string ErrorType(Exception exception) => exception switch
    {
        AkeylessTimeoutException => "timeout",
        AkeylessException { StatusCode: { } status } => ((int)status).ToString(CultureInfo.InvariantCulture),
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };
}
