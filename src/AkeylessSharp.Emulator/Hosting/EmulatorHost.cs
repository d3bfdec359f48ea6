using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Commands;
using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>Builds and starts the Kestrel app; shared by <see cref="AkeylessEmulator.StartAsync"/> and the command line.</summary>
internal static class EmulatorHost
{
    public const string DefaultUrls = "http://127.0.0.1:0";

    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    public static async Task<(WebApplication App, EmulatorState State, Uri BaseUrl)> StartAsync(
        AkeylessEmulatorOptions options, CancellationToken cancellationToken)
    {
        options = options.Snapshot();
        if (options.TimeProvider is null)
        {
            // Otherwise every request would fail on the first date it reads.
            throw new ArgumentNullException(
                nameof(options.TimeProvider), $"{nameof(AkeylessEmulatorOptions)}.{nameof(options.TimeProvider)} is null: give it a clock, such as TimeProvider.System (the default).");
        }

        RequireNotBlank(options.DataPath, nameof(options.DataPath), "leave it null to keep items in memory");
        RequireNotBlank(options.SeedPath, nameof(options.SeedPath), "leave it null for no seed file");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.TokenTtl, TimeSpan.Zero, nameof(options.TokenTtl));

        // A longer lifetime overflows the expiry date of every token, failing each auth call.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.TokenTtl, SeedLoader.MaxTokenTtl, nameof(options.TokenTtl));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.DefaultPageSize, nameof(options.DefaultPageSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxRequestBodyBytes, nameof(options.MaxRequestBodyBytes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxValueBytes, nameof(options.MaxValueBytes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxVersionsPerItem, nameof(options.MaxVersionsPerItem));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxItems, nameof(options.MaxItems));

        var urls = options.Urls ?? DefaultUrls;
        ListenAddresses.Validate(urls, options.OptionNames);
        AdminGuard.Validate(options.AdminToken, options.OptionNames);
        ListenAddresses.RequireAdminTokenIfExposed(urls, options.AdminToken, options.OptionNames);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
            kestrel.Limits.KeepAliveTimeout = options.KeepAliveTimeout;
        });
        // A connection stalled before its request reaches the app (half its headers sent) holds a stop this long, not 30 s;
        // commands finish in milliseconds, and requests held by injected latency or a stalled body end as the host stops.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        // A failed start (busy port) is thrown to the caller; the host's own log of it would repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        options.ConfigureLogging?.Invoke(builder.Logging);

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AkeylessSharp.Emulator");
        ItemStore store;
        try
        {
            store = OpenStore(options);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var state = new EmulatorState(options, store, new AuthDirectory());
        try
        {
            var credential = DevCredential.Register(state, options);
            await ApplySeedAsync(state, options, logger, cancellationToken).ConfigureAwait(false);

            var dispatcher = new CommandDispatcher(state, state.Commands, logger, app.Lifetime.ApplicationStopping);
            LoopbackHostFilter.Use(app, options);
            AdminEndpoints.Map(app, state);
            app.MapPost("/{command}", dispatcher.HandleAsync);
            app.MapPost("/api/v2/{command}", dispatcher.HandleAsync);
            UnmatchedRequests.Map(app);

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var baseUrl = ResolveBaseUrl(app.Urls);
            var addresses = string.Join(", ", app.Urls);
            Log.Started(logger, addresses, options.DataPath ?? "memory");
            if (app.Urls.Any(u => !ListenAddresses.IsLoopback(u)))
            {
                Log.Exposed(logger, addresses);
            }

            if (credential.IsDefaultKey)
            {
                Log.DefaultCredential(logger, credential.AccessId, credential.AccessKey);
            }
            else
            {
                Log.CustomCredential(logger, credential.AccessId);
            }

            return (app, state, baseUrl);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            state.Dispose();
            throw;
        }
    }

    private static void RequireNotBlank(string? path, string name, string alternative)
    {
        if (path is not null && string.IsNullOrWhiteSpace(path))
        {
            // Path.GetFullPath would name its own parameter, or make a file named by spaces in the current directory.
            throw new ArgumentException($"{nameof(AkeylessEmulatorOptions)}.{name} is blank: give it a file path, or {alternative}.", name);
        }
    }

    private static async Task ApplySeedAsync(EmulatorState state, AkeylessEmulatorOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await SeedLoader.ApplyAsync(state, options, logger, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            // The file opened and loaded, then refused the seed's items (a full disk, a damaged applied_seeds table).
            throw new InvalidOperationException(
                $"The data file {Path.GetFullPath(options.DataPath!)} cannot take the seed's items: {e.Message.TrimEnd('.')}. Free some disk space, or give DataPath (--data) another file.", e);
        }
    }

    private static ItemStore OpenStore(AkeylessEmulatorOptions options)
    {
        IItemPersistence persistence = options.DataPath is null ? new NullPersistence() : new SqlitePersistence(options.DataPath);
        try
        {
            return new ItemStore(persistence, StoreLimits.From(options));
        }
        catch
        {
            // A data file that fails to load must not stay open (locked) behind a failed start.
            persistence.Dispose();
            throw;
        }
    }

    private static Uri ResolveBaseUrl(ICollection<string> urls)
    {
        var first = urls.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        var uri = new UriBuilder(first);
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*")
        {
            uri.Host = "127.0.0.1";
        }

        uri.Path = "/";
        return uri.Uri;
    }
}
