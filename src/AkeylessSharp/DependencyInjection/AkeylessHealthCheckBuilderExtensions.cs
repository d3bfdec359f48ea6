using AkeylessSharp;
using AkeylessSharp.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds an Akeyless health check: <c>services.AddHealthChecks().AddAkeyless()</c>.</summary>
public static class AkeylessHealthCheckBuilderExtensions
{
    /// <summary>
    /// Adds a check that contacts Akeyless with the named client (<c>TestConnectionAsync</c>: a cheap authorized call,
    /// even with a token cached); results are reused for 5 seconds.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="clientName">The client name; empty for the default client.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status reported on failure; <see langword="null"/> means unhealthy.</param>
    /// <param name="tags">Tags for filtering checks.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static IHealthChecksBuilder AddAkeyless(this IHealthChecksBuilder builder, string clientName = "", string name = "akeyless", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null) =>
        builder.AddAkeyless(clientName, name, failureStatus, tags, new AkeylessHealthCheckOptions());

    /// <summary>Adds a check that contacts Akeyless with the named client, configured: a probe secret, how long results are reused.</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="clientName">The client name; empty for the default client.</param>
    /// <param name="configure">Sets the check's options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><see cref="AkeylessHealthCheckOptions.ProbeSecretPath"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="AkeylessHealthCheckOptions.ResultCacheDuration"/> is negative, or <see cref="AkeylessHealthCheckOptions.Timeout"/> is neither positive (at most about 49 days) nor infinite.</exception>
    public static IHealthChecksBuilder AddAkeyless(this IHealthChecksBuilder builder, string clientName, Action<AkeylessHealthCheckOptions> configure) =>
        builder.AddAkeyless(clientName, "akeyless", configure);

    /// <summary>
    /// Adds a configured check under its own name, so that several (one per client, or one probing each of two secrets)
    /// can be registered side by side.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="clientName">The client name; empty for the default client.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="configure">Sets the check's options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <see cref="AkeylessHealthCheckOptions.ProbeSecretPath"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="AkeylessHealthCheckOptions.ResultCacheDuration"/> is negative, or <see cref="AkeylessHealthCheckOptions.Timeout"/> is neither positive (at most about 49 days) nor infinite.</exception>
    public static IHealthChecksBuilder AddAkeyless(this IHealthChecksBuilder builder, string clientName, string name, Action<AkeylessHealthCheckOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new AkeylessHealthCheckOptions();
        configure(options);
        return builder.AddAkeyless(clientName, name, null, null, options);
    }

    private static IHealthChecksBuilder AddAkeyless(this IHealthChecksBuilder builder, string clientName, string name, HealthStatus? failureStatus, IEnumerable<string>? tags, AkeylessHealthCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(clientName);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ResultCacheDuration, TimeSpan.Zero, nameof(options.ResultCacheDuration));
        if (options.Timeout is { } timeout && (timeout <= TimeSpan.Zero || timeout > s_maxTimeout) && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options.Timeout), timeout, $"The health check's Timeout must be positive and at most {s_maxTimeout} (what a timer can wait), Timeout.InfiniteTimeSpan, or null for none.");
        }

        if (options.ProbeSecretPath is { } probe && string.IsNullOrWhiteSpace(probe))
        {
            // Otherwise every probe would fail on the read's own argument check, as an unhealthy ArgumentException.
            throw new ArgumentException("ProbeSecretPath is blank: give the path of a secret to read, such as /prod/health/probe, or null to probe with a listing only.", nameof(options));
        }

        // A singleton per check name: health checks are resolved per run (in a scope), the cached result must outlive that.
        var key = "AkeylessSharp.HealthCheck:" + name;
        builder.Services.AddKeyedSingleton(key, (sp, _) =>
            new AkeylessHealthCheck(() => ClientFactory(sp).CreateClient(clientName), options, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder.Add(new HealthCheckRegistration(name, sp => sp.GetRequiredKeyedService<AkeylessHealthCheck>(key), failureStatus, tags, options.Timeout));
    }

    // HealthCheckService applies the registration's timeout with CancelAfter, which throws past this at every run.
    private static readonly TimeSpan s_maxTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private static IAkeylessClientFactory ClientFactory(IServiceProvider services) =>
        services.GetService<IAkeylessClientFactory>() ?? throw new AkeylessConfigurationException(
            "The Akeyless health check has no client to probe: register one with services.AddAkeyless(...) (or builder.AddAkeylessClient(...) with Aspire).",
            "clientName");
}
