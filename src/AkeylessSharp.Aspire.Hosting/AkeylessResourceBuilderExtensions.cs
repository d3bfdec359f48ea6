using Aspire.Hosting.ApplicationModel;
using AkeylessSharp.Aspire.Hosting;
using AkeylessSharp.Aspire.Hosting.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>
/// Adds Akeyless to an app host: <c>var akeyless = builder.AddAkeyless("akeyless").RunAsEmulator();</c> then
/// <c>.WithReference(akeyless)</c> on each project that reads secrets.
/// </summary>
public static class AkeylessResourceBuilderExtensions
{
    /// <summary>The account URL used when no <c>apiUrl</c> parameter is given.</summary>
    public const string DefaultApiUrl = AkeylessSharp.AkeylessClientOptions.DefaultApiUrl;

    /// <summary>
    /// Adds an Akeyless account (or Gateway) reached with an access key. Parameters left <see langword="null"/> are
    /// created as <c>{name}-api-url</c> (default <see cref="DefaultApiUrl"/>), <c>{name}-access-id</c> and
    /// <c>{name}-access-key</c> (secret), so their values come from <c>Parameters:*</c> configuration or the dashboard.
    /// Call <see cref="RunAsEmulator"/> to run a local emulator instead, with no parameters needed.
    /// </summary>
    /// <param name="builder">The app host builder.</param>
    /// <param name="name">The resource name; services use it as the connection name (<c>ConnectionStrings__{name}</c>).</param>
    /// <param name="apiUrl">The API or Gateway URL.</param>
    /// <param name="accessId">The access id.</param>
    /// <param name="accessKey">The access key; declare it with <c>secret: true</c>.</param>
    /// <returns>The resource builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static IResourceBuilder<AkeylessResource> AddAkeyless(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        IResourceBuilder<ParameterResource>? apiUrl = null,
        IResourceBuilder<ParameterResource>? accessId = null,
        IResourceBuilder<ParameterResource>? accessKey = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var created = new List<ParameterResource>();
        var resource = new AkeylessResource(
            name,
            apiUrl?.Resource ?? Track(builder.AddParameter($"{name}-api-url", () => builder.Configuration[$"Parameters:{name}-api-url"] ?? DefaultApiUrl), created),
            accessId?.Resource ?? Track(builder.AddParameter($"{name}-access-id"), created),
            accessKey?.Resource ?? Track(builder.AddParameter($"{name}-access-key", secret: true), created));

        var healthCheckKey = $"{name}_check";
        builder.Services.TryAddSingleton<AkeylessRuntime>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => new AkeylessResourceHealthCheck(resource), failureStatus: null, tags: null));

        return builder.AddResource(resource)
            .WithAnnotation(new DefaultParametersAnnotation(created))
            .WithInitialState(Snapshot("Akeyless"))
            .WithIconName("Key")
            .WithHealthCheck(healthCheckKey)
            .WithManifestPublishingCallback(context =>
            {
                // Like a connection-string resource: deployment tools receive the parameters' expression.
                context.Writer.WriteString("type", "value.v0");
                context.WriteConnectionString(resource);
            })
            .OnInitializeResource(ResourceStartup.InitializeAsync);
    }

    /// <summary>
    /// Runs the resource as a local Akeyless emulator inside the app host process (no container engine, no network
    /// beyond loopback): it starts with the app host, shows its URL and health in the dashboard, offers fault and
    /// counter commands, and hands referencing projects a connection string with its development credential.
    /// Ignored when publishing.
    /// </summary>
    /// <param name="builder">The Akeyless resource.</param>
    /// <param name="configure">Emulator settings: <c>e =&gt; e.WithSeed("seed.json").WithDataFile("akeyless.db").WithHttpPort(8321)</c>.</param>
    /// <returns>The resource builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IResourceBuilder<AkeylessResource> RunAsEmulator(this IResourceBuilder<AkeylessResource> builder, Action<IResourceBuilder<AkeylessEmulatorResource>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            return builder;
        }

        if (!builder.Resource.IsEmulator)
        {
            builder.WithAnnotation(new EmulatorSettingsAnnotation())
                .WithAnnotation(new EmulatorResourceAnnotation())
                .WithInitialState(Snapshot("Akeyless emulator"));
            if (builder.Resource.TryGetLastAnnotation<DefaultParametersAnnotation>(out var defaults))
            {
                foreach (var parameter in defaults.Parameters)
                {
                    builder.ApplicationBuilder.Resources.Remove(parameter);
                }
            }

            EmulatorCommands.Add(builder);
        }

        configure?.Invoke(builder.ApplicationBuilder.CreateResourceBuilder(new AkeylessEmulatorResource(builder.Resource)));
        return builder;
    }

    /// <summary>Seeds the emulator from a JSON file (auth methods, roles, items) at each start.</summary>
    /// <param name="builder">The emulator.</param>
    /// <param name="path">The file; a relative path is relative to the app host project directory.</param>
    /// <returns>The emulator builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IResourceBuilder<AkeylessEmulatorResource> WithSeed(this IResourceBuilder<AkeylessEmulatorResource> builder, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Settings(builder).SeedPath = Path.GetFullPath(path, builder.ApplicationBuilder.AppHostDirectory);
        return builder;
    }

    /// <summary>Seeds the emulator from JSON text, applied after any seed file; convenient in tests.</summary>
    /// <param name="builder">The emulator.</param>
    /// <param name="json">The seed JSON.</param>
    /// <returns>The emulator builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    public static IResourceBuilder<AkeylessEmulatorResource> WithSeedJson(this IResourceBuilder<AkeylessEmulatorResource> builder, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        Settings(builder).SeedJson = json;
        return builder;
    }

    /// <summary>Keeps the emulator's items in a SQLite file, so secrets created while running survive a restart.</summary>
    /// <param name="builder">The emulator.</param>
    /// <param name="path">The file; a relative path is relative to the app host project directory.</param>
    /// <returns>The emulator builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IResourceBuilder<AkeylessEmulatorResource> WithDataFile(this IResourceBuilder<AkeylessEmulatorResource> builder, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Settings(builder).DataPath = Path.GetFullPath(path, builder.ApplicationBuilder.AppHostDirectory);
        return builder;
    }

    /// <summary>Fixes the emulator's loopback port (otherwise a free port is picked at each start).</summary>
    /// <param name="builder">The emulator.</param>
    /// <param name="port">The port on 127.0.0.1; <see langword="null"/> picks a free one.</param>
    /// <returns>The emulator builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not between 1 and 65535.</exception>
    public static IResourceBuilder<AkeylessEmulatorResource> WithHttpPort(this IResourceBuilder<AkeylessEmulatorResource> builder, int? port)
    {
        if (port is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(port));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 65535, nameof(port));
        }

        Settings(builder).Port = port;
        return builder;
    }

    /// <summary>
    /// Gets a reference to one secret, resolved by the app host when a resource that receives it starts:
    /// <c>.WithEnvironment("DB_PASSWORD", akeyless.GetSecret("/prod/db/password"))</c>. Add <c>.WaitFor(akeyless)</c> so
    /// the resource starts once Akeyless is healthy.
    /// </summary>
    /// <param name="builder">The Akeyless resource.</param>
    /// <param name="path">The secret's path, such as <c>/prod/db/password</c>.</param>
    /// <returns>A value to pass to <c>WithEnvironment</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static AkeylessSecretReference GetSecret(this IResourceBuilder<AkeylessResource> builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new AkeylessSecretReference(builder.Resource, path);
    }

    private static EmulatorSettingsAnnotation Settings(IResourceBuilder<AkeylessEmulatorResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Resource.InnerResource.TryGetLastAnnotation<EmulatorSettingsAnnotation>(out var settings)
            ? settings
            : throw new InvalidOperationException($"The Akeyless resource '{builder.Resource.Name}' does not run as an emulator; call these methods inside RunAsEmulator(e => ...).");
    }

    private static ParameterResource Track(IResourceBuilder<ParameterResource> parameter, List<ParameterResource> created)
    {
        created.Add(parameter.Resource);
        return parameter.Resource;
    }

    private static CustomResourceSnapshot Snapshot(string resourceType) => new()
    {
        ResourceType = resourceType,
        State = KnownResourceStates.NotStarted,
        Properties = [],
    };
}
