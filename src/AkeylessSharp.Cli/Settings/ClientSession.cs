using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.CloudId;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Cli.Settings;

/// <summary>Creates the Akeyless client of a <see cref="ClientSession"/>; tests may substitute one.</summary>
/// <param name="options">The bound, not yet validated, settings.</param>
/// <param name="loggerFactory">Where the client logs; a no-op factory unless <c>--verbose</c>.</param>
internal delegate IAkeylessClient ClientFactory(AkeylessClientOptions options, ILoggerFactory loggerFactory);

/// <summary>The client of one command run, and the emulator behind it with <c>--emulator</c>; disposed when the command ends.</summary>
internal sealed class ClientSession : IAsyncDisposable
{
    private readonly AkeylessEmulator? _emulator;
    private readonly ILoggerFactory _loggerFactory;

    private ClientSession(IAkeylessClient client, string? jwtVariable, AkeylessEmulator? emulator, ILoggerFactory loggerFactory)
    {
        Client = client;
        JwtEnvironmentVariable = jwtVariable;
        _emulator = emulator;
        _loggerFactory = loggerFactory;
    }

    public IAkeylessClient Client { get; }

    /// <summary>The variable the client reads its JWT from (<c>--jwt-env</c>), a credential like AKEYLESS_ACCESS_KEY.</summary>
    public string? JwtEnvironmentVariable { get; }

    public static async Task<ClientSession> StartAsync(AkeylessClientOptions options, FileInfo? seed, bool useEmulator, bool verbose, CliConsole console, ClientFactory factory, CancellationToken cancellationToken)
    {
        if (seed is not null && !useEmulator)
        {
            throw new CliUsageException("--seed is used only with --emulator.");
        }

        if (!useEmulator && options is { AccessType: AkeylessAccessType.ApiKey, AccessId: null, AccessKey: null })
        {
            // Nothing says how to connect (a first run): name every way to, rather than the first missing field.
            throw new CliUsageException(
                "no Akeyless credentials are set. Set AKEYLESS_ACCESS_ID and AKEYLESS_ACCESS_KEY (or use --profile, --connection-string, "
                + "or another access type's settings), or try the tool without an account: add --emulator.");
        }

        var loggerFactory = verbose
            ? LoggerFactory.Create(b => b.AddProvider(new StandardErrorLoggerProvider(console.Error)).SetMinimumLevel(LogLevel.Debug))
            : Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        AkeylessEmulator? emulator = null;
        try
        {
            if (useEmulator)
            {
                emulator = await EmulatorLauncher.StartAsync(seed, cancellationToken).ConfigureAwait(false);
                options.ApiUrl = emulator.BaseUrl.ToString();
                if (options.AccessType == AkeylessAccessType.ApiKey && options.AccessId is null)
                {
                    options.AccessId = emulator.AccessId;
                    options.AccessKey = emulator.AccessKey;
                }

                if (verbose)
                {
                    console.Error.WriteLine($"note: using an in-memory emulator at {emulator.BaseUrl}; changes are discarded when the command ends.");
                }
            }

            if (verbose)
            {
                console.Error.WriteLine($"settings: {options}");
            }

            return new ClientSession(factory(options, loggerFactory), options.JwtEnvironmentVariable, emulator, loggerFactory);
        }
        catch
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }

            loggerFactory.Dispose();
            throw;
        }
    }

    /// <summary>A client that can also authenticate with <c>aws_iam</c>, <c>gcp</c> and <c>azure_ad</c>: a terminal has no package to add.</summary>
    public static IAkeylessClient CreateDefaultClient(AkeylessClientOptions options, ILoggerFactory loggerFactory) =>
        new AkeylessClient(options, loggerFactory, cloudIdProviders: [new AwsIamCloudIdProvider(), new AzureAdCloudIdProvider(), new GcpCloudIdProvider()]);

    public async ValueTask DisposeAsync()
    {
        (Client as IDisposable)?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }

        _loggerFactory.Dispose();
    }
}
