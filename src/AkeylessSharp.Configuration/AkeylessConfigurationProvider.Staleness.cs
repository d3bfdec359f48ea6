using AkeylessSharp.Configuration.Internal;

namespace AkeylessSharp.Configuration;

/// <content>How fresh the loaded values are: the age of the data, and the metrics every load records.</content>
public sealed partial class AkeylessConfigurationProvider
{
    private ConfigurationMetrics? _metrics;

    /// <summary>
    /// How long ago the last successful load finished, by the configured clock: how old the Akeyless values in
    /// configuration may be. <see langword="null"/> until a load succeeds.
    /// </summary>
    public TimeSpan? DataAge => LastSuccessfulLoad is { } loaded ? _options.TimeProvider.GetUtcNow() - loaded : null;

    /// <summary>The reload interval, which the health check's default age bound is based on.</summary>
    internal TimeSpan? ReloadInterval => _options.ReloadInterval;

    /// <summary>This provider's instruments; tests collect from this meter.</summary>
    internal ConfigurationMetrics Metrics => LazyInitializer.EnsureInitialized(ref _metrics, () => new ConfigurationMetrics(() => DataAge));
}
