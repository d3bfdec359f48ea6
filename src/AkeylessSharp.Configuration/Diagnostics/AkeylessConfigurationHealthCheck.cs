using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkeylessSharp.Configuration.Diagnostics;

/// <summary>
/// Reports on every <see cref="AkeylessConfigurationProvider"/> in the configuration: Healthy while the last load
/// succeeded and the data is younger than the bound; Degraded when the last reload failed (the last good values are
/// still served) or the data is older than the bound; the registration's failure status when no load ever succeeded.
/// </summary>
internal sealed class AkeylessConfigurationHealthCheck(IConfiguration configuration, TimeSpan? maxAge) : IHealthCheck
{
    /// <summary>Without an explicit bound, data may be this many reload intervals old before the check degrades.</summary>
    internal const int DefaultIntervalsBeforeStale = 3;

    // A configuration added as a whole (AddConfiguration, or the host's configuration under the app's) is one chained
    // provider over a root of its own: its Akeyless providers are looked for in there too.
    private static IEnumerable<AkeylessConfigurationProvider> AkeylessProvidersIn(IConfigurationProvider provider) => provider switch
    {
        AkeylessConfigurationProvider akeyless => [akeyless],
        ChainedConfigurationProvider { Configuration: IConfigurationRoot chained } => chained.Providers.SelectMany(AkeylessProvidersIn),
        _ => [],
    };

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var providers = (configuration as IConfigurationRoot)?.Providers.SelectMany(AkeylessProvidersIn).ToList() ?? [];
        if (providers.Count == 0)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "No Akeyless configuration provider is in the configuration: call AddAkeyless on the configuration builder."));
        }

        var results = providers.Select(p => Check(p, context.Registration.FailureStatus)).ToList();
        var worst = results.MinBy(r => r.Status);
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < providers.Count; i++)
        {
            // Two providers over the same paths describe themselves alike: number the later ones, as the age gauge does.
            var name = providers[i].ToString();
            var unique = name;
            for (var n = 2; data.ContainsKey(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{name} ({n})");
            }

            data[unique] = results[i].Description ?? string.Empty;
        }

        return Task.FromResult(new HealthCheckResult(worst.Status, worst.Description, worst.Exception, data));
    }

    private HealthCheckResult Check(AkeylessConfigurationProvider provider, HealthStatus failureStatus)
    {
        if (provider.DataAge is not { } age)
        {
            return new HealthCheckResult(failureStatus, $"{provider}: no load has succeeded yet.", provider.LastError);
        }

        var ageText = age.ToString("c", CultureInfo.InvariantCulture);
        if (provider.LastError is { } error)
        {
            return HealthCheckResult.Degraded($"{provider}: the last reload failed; serving values loaded {ageText} ago. {error.Message}", error);
        }

        var bound = maxAge ?? provider.ReloadInterval * DefaultIntervalsBeforeStale;
        if (age > bound)
        {
            return HealthCheckResult.Degraded($"{provider}: values were loaded {ageText} ago, more than the allowed {bound.Value.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        return HealthCheckResult.Healthy($"{provider}: values loaded {ageText} ago.");
    }
}
