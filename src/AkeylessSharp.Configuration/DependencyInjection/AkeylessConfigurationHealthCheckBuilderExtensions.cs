using AkeylessSharp.Configuration.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the configuration provider's health check: <c>services.AddHealthChecks().AddAkeylessConfiguration()</c>.</summary>
public static class AkeylessConfigurationHealthCheckBuilderExtensions
{
    /// <summary>
    /// Adds a check of the Akeyless configuration providers in the application's <see cref="IConfiguration"/>: Degraded
    /// when the last reload failed or the values are older than <paramref name="maxAge"/>; <paramref name="failureStatus"/>
    /// when no load succeeded. It sends no request: it reads what the provider recorded.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="maxAge">How old the values may be; <see langword="null"/> allows three reload intervals (no bound without a reload interval).</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status when no load ever succeeded; <see langword="null"/> means unhealthy.</param>
    /// <param name="tags">Tags for filtering checks, such as <c>ready</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static IHealthChecksBuilder AddAkeylessConfiguration(this IHealthChecksBuilder builder, TimeSpan? maxAge = null, string name = "akeyless-configuration", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (maxAge is { } bound)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(bound, TimeSpan.Zero, nameof(maxAge));
        }

        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new AkeylessConfigurationHealthCheck(sp.GetRequiredService<IConfiguration>(), maxAge),
            failureStatus,
            tags));
    }
}
