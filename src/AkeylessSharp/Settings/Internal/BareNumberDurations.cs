using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Settings.Internal;

/// <summary>
/// Refuses a duration written in configuration as a bare number (<c>"Timeout": "30"</c>): .NET reads it as that many
/// days, so <c>"1"</c> would quietly mean a day where the connection string and the environment variables of this
/// library read seconds. The error names the key and shows the spelling to use.
/// </summary>
internal static class BareNumberDurations
{
    private static readonly string[] s_clientKeys =
    [
        nameof(AkeylessClientOptions.Timeout), nameof(AkeylessClientOptions.AttemptTimeout), nameof(AkeylessClientOptions.TotalRequestTimeout),
        nameof(AkeylessClientOptions.RetryBaseDelay), nameof(AkeylessClientOptions.AuthTokenTtl), nameof(AkeylessClientOptions.TokenRefreshBuffer),
        nameof(AkeylessClientOptions.UidTokenRotationInterval),
    ];

    private static readonly string[] s_cacheKeys =
    [
        nameof(Caching.AkeylessCacheOptions.StaticSecretTtl), nameof(Caching.AkeylessCacheOptions.DynamicSecretRefreshBuffer),
        nameof(Caching.AkeylessCacheOptions.RotatedSecretTtl), nameof(Caching.AkeylessCacheOptions.BatchWindow),
        nameof(Caching.AkeylessCacheOptions.MaxStale), nameof(Caching.AkeylessCacheOptions.DistributedCacheTimeout),
        nameof(Caching.AkeylessCacheOptions.DistributedCacheBreakDuration), nameof(Caching.AkeylessCacheOptions.GenerationCheckInterval),
        nameof(Caching.AkeylessCacheOptions.FetchLockDuration), nameof(Caching.AkeylessCacheOptions.FetchLockPollInterval),
        nameof(Caching.AkeylessCacheOptions.FetchLockFallbackPollInterval),
    ];

    /// <summary>Throws when a client option, or a cache option under its <c>Cache</c> sub-section, is a bare number.</summary>
    public static void ThrowIfAny(IConfiguration section)
    {
        ThrowIfAny(section, s_clientKeys);
        ThrowIfAny(section.GetSection(nameof(AkeylessClientOptions.Cache)), s_cacheKeys);
    }

    /// <summary>Throws when a cache option of <paramref name="cacheSection"/> is a bare number.</summary>
    public static void ThrowIfAnyCacheOption(IConfiguration cacheSection) => ThrowIfAny(cacheSection, s_cacheKeys);

    /// <summary>Throws when one of <paramref name="keys"/> of <paramref name="section"/> is a bare number.</summary>
    public static void ThrowIfAny(IConfiguration section, params string[] keys)
    {
        foreach (var key in keys)
        {
            var text = section[key];
            if (text is not null && long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                var path = section is IConfigurationSection s ? ConfigurationPath.Combine(s.Path, key) : key;
                throw new AkeylessConfigurationException(
                    $"The configuration value at '{path}' is a bare number, which .NET reads as {(Math.Abs(number) == 1 ? "a day" : "that many days")}; "
                    + "write a time span such as 00:00:30 for 30 seconds (or 00:05:00 for 5 minutes).",
                    path);
            }
        }
    }
}
