namespace AkeylessSharp.Diagnostics;

/// <summary>Settings of the Akeyless health check (<c>services.AddHealthChecks().AddAkeyless(...)</c>).</summary>
public sealed class AkeylessHealthCheckOptions
{
    /// <summary>
    /// A secret the check also reads (bypassing the client's cache) on every probe, to prove the application's own
    /// read rights; its value is discarded. <see langword="null"/> probes with a cheap authorized listing only.
    /// </summary>
    public string? ProbeSecretPath { get; set; }

    /// <summary>
    /// How long a result is reused before Akeyless is contacted again, so a busy health endpoint cannot flood the
    /// service; concurrent checks always share one probe. <see cref="TimeSpan.Zero"/> probes on every check.
    /// </summary>
    /// <value>The default is 5 seconds.</value>
    public TimeSpan ResultCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one run of the check may take before it reports its failure status (the registration's timeout): a probe
    /// against an Akeyless that does not answer otherwise waits out the client's own timeouts and retries, minutes at the
    /// defaults. Positive (at most about 49 days, what a timer can wait), or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>; <see langword="null"/> sets none.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public TimeSpan? Timeout { get; set; }
}
