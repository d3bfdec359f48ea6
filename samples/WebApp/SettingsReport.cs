using System.Data.Common;
using AkeylessSharp.Configuration;

namespace WebApp;

/// <summary>Describes where each setting came from, without printing any secret value.</summary>
internal static class SettingsReport
{
    public static object Build(IConfigurationRoot root, FeatureFlags flags)
    {
        var akeyless = root.Providers.OfType<AkeylessConfigurationProvider>().FirstOrDefault();
        var settings = root.AsEnumerable()
            .Where(p => p.Value is not null)
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => new { key = p.Key, source = SourceOf(root, p.Key) })
            .Where(s => s.source == "Akeyless")
            .Select(s => s.key)
            .ToArray();

        return new
        {
            fromAkeyless = settings,
            featureFlags = flags,
            ordersConnection = Redact(root.GetConnectionString("orders")),
            cacheConnectionResolvedFromReference = root.GetConnectionString("Cache") is { } cache && !cache.StartsWith("akeyless:", StringComparison.OrdinalIgnoreCase),
            akeyless = akeyless is null ? null : new
            {
                lastSuccessfulLoad = akeyless.LastSuccessfulLoad,
                lastError = akeyless.LastError?.Message,
                problems = akeyless.Problems,
            },
        };
    }

    private static string SourceOf(IConfigurationRoot root, string key)
    {
        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out _))
            {
                return provider is AkeylessConfigurationProvider ? "Akeyless" : provider.ToString() ?? "?";
            }
        }

        return "?";
    }

    /// <summary>Shows the shape of a connection string with the password replaced.</summary>
    private static string? Redact(string? connectionString)
    {
        if (connectionString is null)
        {
            return null;
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (builder.ContainsKey("Password"))
        {
            builder["Password"] = "***";
        }

        return builder.ConnectionString;
    }
}
