using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.CompilerServices;
using AkeylessSharp.Diagnostics;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// The configuration providers' instruments, created once per process on a meter named <see cref="AkeylessTelemetry.Name"/>
/// (so <c>AddMeter("AkeylessSharp")</c> collects them with the client's): loads and reloads by <c>error.type</c>, their
/// duration, the keys they changed, and the age of each live provider's data, told apart by
/// <c>akeyless.configuration.source</c> (the provider's configured paths, never a value).
/// </summary>
internal sealed class ConfigurationMetrics
{
    /// <summary>The tag naming the provider an age measurement belongs to.</summary>
    public const string SourceTag = "akeyless.configuration.source";

    // Keyed by provider and weakly held: a provider dropped without Dispose leaves the gauge when it is collected.
    private readonly ConditionalWeakTable<object, LiveSource> _live = [];
    private readonly Lock _naming = new();

    public ConfigurationMetrics(Meter meter)
    {
        Meter = meter;
        Loads = meter.CreateCounter<long>("akeyless.configuration.loads", "{load}", "Loads and reloads of the configuration providers; error.type is set on failures.");
        Duration = meter.CreateHistogram<double>("akeyless.configuration.load.duration", "s", "Duration of loads and reloads, listing and reading included.");
        KeysChanged = meter.CreateCounter<long>("akeyless.configuration.keys_changed", "{key}", "Configuration keys added, removed or changed by reloads.");
        meter.CreateObservableGauge(
            "akeyless.configuration.age",
            Observe,
            "s",
            "Time since each provider's last successful load: how old its Akeyless values may be.");
    }

    /// <summary>The instruments every provider records to unless given others.</summary>
    public static ConfigurationMetrics Shared { get; } = new(new Meter(AkeylessTelemetry.Name));

    public Meter Meter { get; }

    public Counter<long> Loads { get; }

    public Histogram<double> Duration { get; }

    public Counter<long> KeysChanged { get; }

    /// <summary>
    /// Adds <paramref name="provider"/> to the age gauge under <paramref name="source"/>, made unique among the live
    /// providers (<c>"/app (2)"</c>) so no two measurements share their tags.
    /// </summary>
    public void Register(object provider, string source, Func<TimeSpan?> dataAge)
    {
        lock (_naming)
        {
            var taken = _live.Select(p => p.Value.Source).ToHashSet(StringComparer.Ordinal);
            var unique = source;
            for (var n = 2; taken.Contains(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{source} ({n})");
            }

            _live.AddOrUpdate(provider, new LiveSource(unique, dataAge));
        }
    }

    public void Unregister(object provider) => _live.Remove(provider);

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

    private IEnumerable<Measurement<double>> Observe()
    {
        var measurements = new List<Measurement<double>>();
        foreach (var (_, live) in _live)
        {
            if (live.DataAge() is { } age)
            {
                measurements.Add(new Measurement<double>(age.TotalSeconds, new KeyValuePair<string, object?>(SourceTag, live.Source)));
            }
        }

        return measurements;
    }

    private static string ErrorType(Exception exception) => exception switch
    {
        AkeylessTimeoutException => "timeout",
        AkeylessException { StatusCode: { } status } => ((int)status).ToString(CultureInfo.InvariantCulture),
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };

    private sealed record LiveSource(string Source, Func<TimeSpan?> DataAge);
}
