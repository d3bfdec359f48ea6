using AkeylessSharp.Configuration.Internal;

namespace AkeylessSharp.Configuration;

/// <content>How fresh the loaded values are: the age of the data, and the metrics every load records.</content>
public sealed partial class AkeylessConfigurationProvider
{
    /// <summary>
    /// How long ago the last successful load finished, by the configured clock: how old the Akeyless values in
    /// configuration may be. <see langword="null"/> until a load succeeds.
    /// </summary>
    public TimeSpan? DataAge => LastSuccessfulLoad is { } loaded ? _options.TimeProvider.GetUtcNow() - loaded : null;

    /// <summary>The reload interval, which the health check's default age bound is based on.</summary>
    internal TimeSpan? ReloadInterval => _options.ReloadInterval;

    /// <summary>The instruments this provider records to (<see cref="ConfigurationMetrics.Shared"/> unless tests gave others).</summary>
    internal ConfigurationMetrics Metrics { get; }

    /// <summary>What the provider reads, as its description and its age gauge's source tag show it: paths only.</summary>
    internal string Source => string.Join(", ", _options.BasePaths.Concat(new[] { _options.ConnectionsPath, _options.VariablesPath, _options.ConfigPath }.OfType<string>()));
}
