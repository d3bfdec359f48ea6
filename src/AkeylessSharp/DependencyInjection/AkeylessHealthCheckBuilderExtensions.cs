using AkeylessSharp.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds an Akeyless health check: <c>services.AddHealthChecks().AddAkeyless()</c>.</summary>
public static class AkeylessHealthCheckBuilderExtensions
{
    /// <summary>Adds a check that authenticates with the named client (<c>TestConnectionAsync</c>).</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="clientName">The client name; empty for the default client.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status reported on failure; <see langword="null"/> means unhealthy.</param>
    /// <param name="tags">Tags for filtering checks.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddAkeyless(this IHealthChecksBuilder builder, string clientName = "", string name = "akeyless", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new AkeylessHealthCheck(sp.GetRequiredService<IAkeylessClientFactory>().CreateClient(clientName)),
            failureStatus,
            tags));
    }
}
