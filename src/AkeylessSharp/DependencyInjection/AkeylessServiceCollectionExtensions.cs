using AkeylessSharp;
using AkeylessSharp.Settings;
using AkeylessSharp.Diagnostics.Internal;
using AkeylessSharp.Settings.Internal;
using AkeylessSharp.Http.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection.Internal;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Akeyless clients: <c>services.AddAkeyless(configuration.GetSection("Akeyless"))</c>.</summary>
public static class AkeylessServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default client configured from the environment: <c>AKEYLESS_API_URL</c>, <c>AKEYLESS_ACCESS_ID</c>,
    /// <c>AKEYLESS_ACCESS_KEY</c> and the other <see cref="AkeylessEnvironmentVariables"/>, read when the options are first built.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder for further configuration.</returns>
    public static IAkeylessBuilder AddAkeyless(this IServiceCollection services) =>
        services.AddAkeyless(Options.Options.DefaultName, static options => EnvironmentOptions.Apply(options, Environment.GetEnvironmentVariable));

    /// <summary>Registers the default client, bound from a configuration section (keys are the option names).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section, such as <c>configuration.GetSection("Akeyless")</c>.</param>
    /// <returns>A builder for further configuration (for example <c>.AddAwsCloudId()</c>).</returns>
    /// <remarks>Bound as <see cref="AddAkeyless(IServiceCollection, string, IConfiguration)"/> binds it.</remarks>
    public static IAkeylessBuilder AddAkeyless(this IServiceCollection services, IConfiguration configuration) =>
        services.AddAkeyless(Options.Options.DefaultName, configuration);

    /// <summary>Registers the default client, configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder for further configuration.</returns>
    public static IAkeylessBuilder AddAkeyless(this IServiceCollection services, Action<AkeylessClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddAkeyless(Options.Options.DefaultName, configure);
    }

    /// <summary>Registers a named client bound from a configuration section; get it from <see cref="IAkeylessClientFactory"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client name.</param>
    /// <param name="configuration">The section.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <remarks>
    /// The section is bound when the options are first resolved: a value of the wrong type or an unknown <c>AccessType</c>
    /// then fails with an <see cref="AkeylessConfigurationException"/> naming the full key (such as <c>Akeyless:Timeout</c>),
    /// never the value.
    /// </remarks>
    public static IAkeylessBuilder AddAkeyless(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddAkeyless(name, (Action<AkeylessClientOptions>?)null);
        services.AddOptions<AkeylessClientOptions>(name).Configure(options => ClientOptionsBinder.Bind(configuration, options));
        services.AddSingleton<IOptionsChangeTokenSource<AkeylessClientOptions>>(new ConfigurationChangeTokenSource<AkeylessClientOptions>(name, configuration));
        return builder;
    }

    /// <summary>Registers a named client configured in code; get it from <see cref="IAkeylessClientFactory"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client name.</param>
    /// <param name="configure">Sets the options; <see langword="null"/> relies on other registrations.</param>
    /// <returns>A builder for further configuration.</returns>
    public static IAkeylessBuilder AddAkeyless(this IServiceCollection services, string name, Action<AkeylessClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        var options = services.AddOptions<AkeylessClientOptions>(name).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AkeylessClientOptions>, AkeylessClientOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AkeylessClientOptions>, AkeylessClientOptionsCrossValidator>());
        if (AkeylessClientRegistration.IsIn(services, name))
        {
            // Called again for this client (to adjust its options elsewhere): a second HTTP pipeline would retry the retries.
            return new AkeylessBuilder(services, name);
        }

        services.AddSingleton(new AkeylessClientRegistration(name));
        services.TryAddSingleton<AkeylessClientFactory>();
        services.TryAddSingleton<IAkeylessClientFactory>(static sp => sp.GetRequiredService<AkeylessClientFactory>());
        if (name.Length == 0)
        {
            services.TryAddSingleton(static sp => sp.GetRequiredService<AkeylessClientFactory>().Get(Options.Options.DefaultName));
            services.TryAddSingleton<IAkeylessClient>(static sp => sp.GetRequiredService<AkeylessClient>());
        }

        // RemoveAllLoggers: IHttpClientFactory's four Information lines per request stay off for the Akeyless clients
        // (the client logs each call at Debug itself); AddHttpClient(HttpClientName(name)).AddDefaultLogger() brings them back.
        // A resilience handler the application gives every client (ConfigureHttpClientDefaults, as Aspire's service defaults
        // do) would wrap the client's own, replaying writes and multiplying MaxRetries: removed, as the experimental
        // RemoveAllResilienceHandlers would. One added to this client itself after AddAkeyless stays.
        var http = services.AddHttpClient(HttpClientName(name))
            .RemoveAllLoggers()
            .ConfigureAdditionalHttpMessageHandlers(static (handlers, _) => RemoveResilienceHandlers(handlers))
            .ConfigurePrimaryHttpMessageHandler(sp => PrimaryHandlerFactory.Create(sp.GetRequiredService<AkeylessClientFactory>().OptionsOf(name)))
            .ConfigureHttpClient((sp, c) => AkeylessResilience.ApplyTotalTimeout(c, sp.GetRequiredService<AkeylessClientFactory>().OptionsOf(name)));

        // Retries, the attempt timeout and the body read inside each attempt: the same single handler as without DI, with
        // Polly's telemetry (logs at Debug in the Polly category, metrics with the HTTP enrichment and the pipeline name
        // AddResilienceHandler gave them) as the DI container configures it.
        services.AddResilienceEnricher();
        http.AddHttpMessageHandler(sp => AkeylessResilience.CreateHandler(
            sp.GetRequiredService<AkeylessClientFactory>().OptionsOf(name),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            AkeylessClient.ClientLogger(sp.GetService<ILoggerFactory>()),
            pipeline => PollyTelemetry.Configure(pipeline, sp, HttpClientName(name) + "-" + ResiliencePipelineName)));
        return new AkeylessBuilder(services, name);
    }

    private const string ResiliencePipelineName = "akeyless";

    private static void RemoveResilienceHandlers(IList<DelegatingHandler> handlers)
    {
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            if (handlers[i] is ResilienceHandler)
            {
                handlers.RemoveAt(i);
            }
        }
    }

    internal static string HttpClientName(string name) => "AkeylessSharp" + (name.Length == 0 ? string.Empty : "." + name);
}
