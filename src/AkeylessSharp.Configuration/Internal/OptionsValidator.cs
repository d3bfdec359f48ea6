namespace AkeylessSharp.Configuration.Internal;

/// <summary>Checks the rules across fields of <see cref="AkeylessConfigurationOptions"/>; messages quote the offending (never secret) value.</summary>
internal static class OptionsValidator
{
    // A timer cannot wait longer than 2^32 - 2 ms (49.7 days).
    internal static readonly TimeSpan MaxReloadInterval = TimeSpan.FromDays(49);

    public static void Validate(AkeylessConfigurationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize is < 1 or > 1000)
        {
            throw Error($"BatchSize must be between 1 and 1000, not {options.BatchSize}.", nameof(options.BatchSize));
        }

        if (options.MaxConcurrentRequests is < 1 or > 64)
        {
            throw Error($"MaxConcurrentRequests must be between 1 and 64, not {options.MaxConcurrentRequests}.", nameof(options.MaxConcurrentRequests));
        }

        if (string.IsNullOrEmpty(options.Separator))
        {
            throw Error("Separator must not be empty; the default is '/'.", nameof(options.Separator));
        }

        if (options.ReloadInterval is { } interval && (interval <= TimeSpan.Zero || interval > MaxReloadInterval))
        {
            throw Error($"ReloadInterval must be positive and at most {MaxReloadInterval.TotalDays} days, or null (no reload), not {interval}.", nameof(options.ReloadInterval));
        }

        if (options.TimeProvider is null)
        {
            throw Error("TimeProvider must not be null; the default is TimeProvider.System.", nameof(options.TimeProvider));
        }

        if (!string.IsNullOrWhiteSpace(options.Team) && options.Team.Contains(options.Separator, StringComparison.Ordinal))
        {
            throw Error($"Team '{options.Team}' must not contain the separator '{options.Separator}'.", nameof(options.Team));
        }

        foreach (var (name, prefix) in new[] { (nameof(options.ConnectionsPrefix), options.ConnectionsPrefix), (nameof(options.VariablesPrefix), options.VariablesPrefix), (nameof(options.ConfigPrefix), options.ConfigPrefix), (nameof(options.ConnectionStringsPrefix), options.ConnectionStringsPrefix) })
        {
            if (string.IsNullOrWhiteSpace(prefix))
            {
                throw Error($"{name} must not be empty.", name);
            }
        }

        if (options.ResolveSecretReferences && string.IsNullOrWhiteSpace(options.SecretReferencePrefix))
        {
            throw Error("SecretReferencePrefix must not be empty when ResolveSecretReferences is on; the default is 'akeyless:'.", nameof(options.SecretReferencePrefix));
        }

        if (options.SecretManager is null)
        {
            throw Error("SecretManager must not be null; use AkeylessSecretManager.Default.", nameof(options.SecretManager));
        }

        var selectsSomething = options.BasePaths.Count > 0 || options.Paths.Count > 0 || !string.IsNullOrWhiteSpace(options.ConnectionsPath)
            || !string.IsNullOrWhiteSpace(options.VariablesPath) || !string.IsNullOrWhiteSpace(options.ConfigPath) || options.ResolveSecretReferences;
        if (!selectsSomething)
        {
            throw Error("Nothing to load: set BasePaths, Paths, ConnectionsPath, VariablesPath or ConfigPath, or enable ResolveSecretReferences.", nameof(options.BasePaths));
        }
    }

    private static AkeylessConfigurationException Error(string message, string field) => new(message, field);
}
