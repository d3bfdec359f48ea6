using AkeylessSharp;
using AkeylessSharp.Caching;
using AkeylessSharp.Caching.Internal;
using AkeylessSharp.Settings.Internal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Turns on secret caching for a client registered with <c>AddAkeyless</c>:
/// <c>services.AddAkeyless(config.GetSection("Akeyless")).AddMemoryCache()</c>; Redis comes with the
/// AkeylessSharp.Caching.StackExchangeRedis package (<c>.AddRedisCache("redis:6379", c => c.EncryptionKey = key)</c>).
/// </summary>
/// <remarks>
/// Every overload funnels into <see cref="AddSecretCache"/>. Cache options also bind from the client section's <c>Cache</c>
/// sub-section; a delegate given here runs after that binding. Of several cache calls on one client, the last one's store
/// is used, with the options of all of them; a <see cref="AkeylessClientOptions.SecretCache"/> set in code wins over all. <c>AddDistributedCache</c> and <c>AddHybridCache</c> need the application's
/// <see cref="IDistributedCache"/> or <see cref="HybridCache"/>, registered before or after them; without it the host fails at
/// start-up (client options are validated on start) with an <see cref="AkeylessConfigurationException"/> naming what to register.
/// </remarks>
public static class AkeylessCachingBuilderExtensions
{
    /// <summary>Caches secret values in this process's memory (<see cref="MemorySecretCache"/>) with the default options and the bound section.</summary>
    /// <param name="builder">The client registration.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAkeylessBuilder AddMemoryCache(this IAkeylessBuilder builder) => builder.AddMemoryCache(configure: null);

    /// <summary>Caches secret values in this process's memory (<see cref="MemorySecretCache"/>).</summary>
    /// <param name="builder">The client registration.</param>
    /// <param name="configure">Adjusts the cache options; <see langword="null"/> keeps the defaults and the bound section.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAkeylessBuilder AddMemoryCache(this IAkeylessBuilder builder, Action<AkeylessCacheOptions>? configure) =>
        builder.AddSecretCache(static (sp, _) => new MemorySecretCache(sp.GetService<TimeProvider>()), configure);

    /// <summary>Caches secret values in this process's memory, with options bound from <paramref name="configuration"/>.</summary>
    /// <param name="builder">The client registration.</param>
    /// <param name="configuration">A section holding <see cref="AkeylessCacheOptions"/> keys.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAkeylessBuilder AddMemoryCache(this IAkeylessBuilder builder, IConfiguration configuration) =>
        builder.AddMemoryCache(Bind(configuration));

    /// <summary>Caches secret values, encrypted, in the application's registered <see cref="IDistributedCache"/>, with the options bound from the <c>Cache</c> section.</summary>
    /// <param name="builder">The client registration.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAkeylessBuilder AddDistributedCache(this IAkeylessBuilder builder) => builder.AddDistributedCache(configure: null);

    /// <summary>
    /// Caches secret values, encrypted, in the application's registered <see cref="IDistributedCache"/>
    /// (<see cref="DistributedSecretCache"/>). Requires <see cref="AkeylessCacheOptions.EncryptionKey"/> or
    /// <see cref="AkeylessCacheOptions.UseDataProtection"/> with Data Protection registered.
    /// </summary>
    /// <param name="builder">The client registration.</param>
    /// <param name="configure">Adjusts the cache options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAkeylessBuilder AddDistributedCache(this IAkeylessBuilder builder, Action<AkeylessCacheOptions>? configure) =>
        builder.AddSecretCache(static (sp, options) => CreateDistributed(sp, Require<IDistributedCache>(sp, RegisterDistributedCacheFirst), options), configure);

    /// <summary>Caches secret values, encrypted, in the registered <see cref="IDistributedCache"/>, with options bound from <paramref name="configuration"/>.</summary>
    /// <param name="builder">The client registration.</param>
    /// <param name="configuration">A section holding <see cref="AkeylessCacheOptions"/> keys.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAkeylessBuilder AddDistributedCache(this IAkeylessBuilder builder, IConfiguration configuration) =>
        builder.AddDistributedCache(Bind(configuration));

    /// <summary>
    /// Caches secret values, encrypted, in the application's registered <see cref="HybridCache"/>
    /// (<see cref="HybridSecretCache"/>; register one with <c>services.AddHybridCache()</c>).
    /// </summary>
    /// <param name="builder">The client registration.</param>
    /// <param name="configure">Adjusts the cache options; an encryption key is required unless Data Protection is used.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAkeylessBuilder AddHybridCache(this IAkeylessBuilder builder, Action<AkeylessCacheOptions>? configure = null) =>
        builder.AddSecretCache(
            static (sp, options) => new HybridSecretCache(Require<HybridCache>(sp, RegisterHybridCacheFirst), options, sp.GetService<ILoggerFactory>(), sp.GetService<IDataProtectionProvider>()),
            configure);

    /// <summary>
    /// Caches secret values in a store of your own (the reference's <c>cache_storage</c>). Every other overload ends here.
    /// </summary>
    /// <param name="builder">The client registration.</param>
    /// <param name="factory">
    /// Builds the store from the services and the final cache options, each time the client options are built: for the
    /// client, and again on every configuration reload, whose store goes unused (a client keeps the store it was built
    /// with). Keep anything costly, such as a connection, in a singleton the factory wraps, as <c>AddRedisCache</c> does.
    /// </param>
    /// <param name="configure">Adjusts the cache options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAkeylessBuilder AddSecretCache(this IAkeylessBuilder builder, Func<IServiceProvider, AkeylessCacheOptions, ISecretCache> factory, Action<AkeylessCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        var registration = new SecretCacheRegistration(builder.Name);
        builder.Services.AddSingleton(registration);
        builder.Services.AddOptions<AkeylessClientOptions>(builder.Name)
            .Configure(options =>
            {
                options.Cache ??= new AkeylessCacheOptions();
                configure?.Invoke(options.Cache);
            })
            .PostConfigure<IServiceProvider>((options, sp) =>
            {
                if (options.SecretCache is null && registration.IsLast(sp.GetServices<SecretCacheRegistration>()))
                {
                    options.SecretCache = factory(sp, options.Cache!);
                }
            });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AkeylessClientOptions>, CacheOptionsValidator>());
        return builder;
    }

    private const string RegisterDistributedCacheFirst =
        ".AddDistributedCache() stores secrets in the application's IDistributedCache, and none is registered. Register one first, "
        + "for example services.AddStackExchangeRedisCache(o => o.Configuration = \"redis:6379\") or services.AddDistributedMemoryCache(); "
        + "or use .AddRedisCache(...) from AkeylessSharp.Caching.StackExchangeRedis, or .AddMemoryCache().";

    private const string RegisterHybridCacheFirst =
        ".AddHybridCache() stores secrets in the application's HybridCache, and none is registered. Register one first with "
        + "services.AddHybridCache() (package Microsoft.Extensions.Caching.Hybrid), or use .AddMemoryCache().";

    /// <summary>
    /// The application's cache service, resolved when the client options are first built: at host start-up, as client
    /// options are validated on start, or at the first client resolution without a host.
    /// </summary>
    private static T Require<T>(IServiceProvider services, string registerFirst)
        where T : class =>
        services.GetService<T>() ?? throw new AkeylessConfigurationException(registerFirst, nameof(AkeylessClientOptions.SecretCache));

    private static DistributedSecretCache CreateDistributed(IServiceProvider services, IDistributedCache cache, AkeylessCacheOptions options) =>
        new DistributedSecretCache(cache, options, services.GetService<TimeProvider>(), services.GetService<ILoggerFactory>(), services.GetService<IDataProtectionProvider>());

    private static Action<AkeylessCacheOptions> Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return options =>
        {
            AkeylessSharp.Settings.Internal.BareNumberDurations.ThrowIfAnyCacheOption(configuration);

            // As the client section's binding does: the binder's message quotes the value.
            BindingErrors.Run(configuration, () => configuration.Bind(options));
        };
    }

    /// <summary>The cross-field cache rules (key sizes, key ids) as part of the client options' start-up validation.</summary>
    private sealed class CacheOptionsValidator : IValidateOptions<AkeylessClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, AkeylessClientOptions options) =>
            options.Cache is { } cache ? new AkeylessCacheOptionsValidator().Validate(name, cache) : ValidateOptionsResult.Skip;
    }
}
