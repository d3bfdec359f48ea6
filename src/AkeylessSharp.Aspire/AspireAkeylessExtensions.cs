using AkeylessSharp;
using AkeylessSharp.Aspire;
using AkeylessSharp.Aspire.Internal;
using AkeylessSharp.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Registers an Akeyless client in a service of an Aspire application: <c>builder.AddAkeylessClient("akeyless")</c>
/// reads <c>ConnectionStrings:akeyless</c> (set by the app host's <c>WithReference</c>) and the
/// <c>Aspire:Akeyless:Client</c> section, and adds the health check, tracing and metrics.
/// </summary>
public static class AspireAkeylessExtensions
{
    /// <summary>Registers <see cref="IAkeylessClient"/> as a singleton for the connection named <paramref name="connectionName"/>.</summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="connectionName">The connection name: the resource name in the app host.</param>
    /// <param name="configureSettings">Adjusts the settings after they are read from configuration.</param>
    /// <param name="configureClientOptions">Adjusts the client options after the configuration and the connection string are applied.</param>
    /// <returns>The client registration, for chaining (for example <c>.AddMemoryCache()</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionName"/> is empty.</exception>
    /// <exception cref="AkeylessConfigurationException">Neither a connection string nor client options are configured (when <paramref name="configureClientOptions"/> sets no credential, this is thrown on first resolving the client), or a setting is invalid (a value of the wrong type, a non-positive <c>HealthCheckTimeout</c>); the message names it.</exception>
    public static IAkeylessBuilder AddAkeylessClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<AkeylessClientSettings>? configureSettings = null,
        Action<AkeylessClientOptions>? configureClientOptions = null) =>
        Add(builder, connectionName, clientName: Options.Options.DefaultName, configureSettings, configureClientOptions);

    /// <summary>
    /// Registers a keyed <see cref="IAkeylessClient"/> for the connection named <paramref name="name"/>, which is also the
    /// service key (<c>[FromKeyedServices("name")] IAkeylessClient client</c>) and the <see cref="IAkeylessClientFactory"/> name.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="name">The connection name and service key.</param>
    /// <param name="configureSettings">Adjusts the settings after they are read from configuration.</param>
    /// <param name="configureClientOptions">Adjusts the client options after the configuration and the connection string are applied.</param>
    /// <returns>The client registration, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="AkeylessConfigurationException">Neither a connection string nor client options are configured (when <paramref name="configureClientOptions"/> sets no credential, this is thrown on first resolving the client), or a setting is invalid (a value of the wrong type, a non-positive <c>HealthCheckTimeout</c>); the message names it.</exception>
    public static IAkeylessBuilder AddKeyedAkeylessClient(
        this IHostApplicationBuilder builder,
        string name,
        Action<AkeylessClientSettings>? configureSettings = null,
        Action<AkeylessClientOptions>? configureClientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var registration = Add(builder, name, clientName: name, configureSettings, configureClientOptions);
        builder.Services.AddKeyedSingleton<IAkeylessClient>(name, (sp, _) => sp.GetRequiredService<IAkeylessClientFactory>().CreateClient(name));
        return registration;
    }

    private static IAkeylessBuilder Add(
        IHostApplicationBuilder builder,
        string connectionName,
        string clientName,
        Action<AkeylessClientSettings>? configureSettings,
        Action<AkeylessClientOptions>? configureClientOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        var configuration = builder.Configuration;
        var settings = ConnectionSettings.Read(configuration, connectionName, configureSettings);
        ConnectionSettings.ThrowIfMissing(configuration, connectionName, settings, configureClientOptions is not null);

        var registration = builder.Services.AddAkeyless(clientName, options =>
        {
            ConnectionSettings.Apply(options, configuration, connectionName, settings);
            configureClientOptions?.Invoke(options);

            // A callback that only tunes the client (o => o.MaxRetries = 0) gives no connection: say where one comes from.
            ConnectionSettings.ThrowIfMissing(configuration, connectionName, settings, configuredInCode: options.AccessId is not null || options.UidToken is not null);
        });

        var checkName = clientName.Length == 0 ? "Akeyless" : $"Akeyless_{clientName}";
        if (!settings.DisableHealthChecks && HealthCheckMarker.TryMark(builder.Services, checkName))
        {
            builder.Services.AddHealthChecks().AddAkeyless(clientName, checkName);
            if (settings.HealthCheckTimeout is { } timeout)
            {
                builder.Services.Configure<HealthCheckServiceOptions>(o => o.Registrations.First(r => r.Name == checkName).Timeout = timeout);
            }
        }

        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(AkeylessTelemetry.Name));
        }

        if (!settings.DisableMetrics)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(AkeylessTelemetry.Name));
        }

        return registration;
    }
}
