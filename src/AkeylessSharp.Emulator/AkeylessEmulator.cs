using AkeylessSharp.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace AkeylessSharp.Emulator;

/// <summary>
/// A local Akeyless V2 API server for development and tests (think Azurite): real HTTP on loopback,
/// the same commands, JSON shapes and error statuses as the service, plus fault injection and counters.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await AkeylessEmulator.StartAsync();
/// // POST {emulator.BaseUrl}auth with {"access-id": emulator.AccessId, "access-key": emulator.AccessKey}
/// </code>
/// </example>
public sealed class AkeylessEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private int _disposed;

    private AkeylessEmulator(WebApplication app, EmulatorState state, Uri baseUrl, string accessId, string accessKey)
    {
        _app = app;
        _state = state;
        BaseUrl = baseUrl;
        AccessId = accessId;
        AccessKey = accessKey;
    }

    /// <summary>Gets the root URL of the API, ending in <c>/</c>; commands are at <c>BaseUrl + "auth"</c> and under <c>api/v2/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Gets the access id of the development credential (an <c>access_key</c> auth method with full rights on <c>/*</c>).</summary>
    public string AccessId { get; }

    /// <summary>Gets the access key of the development credential.</summary>
    public string AccessKey { get; }

    /// <summary>Gets the fault injection rules, shared with the <c>/__emulator/faults</c> HTTP API.</summary>
    public EmulatorFaults Faults => _state.Faults;

    /// <summary>Gets the per-command request counters, shared with <c>/__emulator/counters</c>.</summary>
    public EmulatorCounters Counters => _state.Counters;

    /// <summary>Gets the token controls (revoke, expire), shared with <c>/__emulator/tokens/*</c>.</summary>
    public EmulatorTokens Tokens => _state.TokenControl;

    /// <summary>Starts an emulator and returns once it accepts requests.</summary>
    /// <param name="options">Settings; <see langword="null"/> means in-memory on a free loopback port.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    /// <exception cref="InvalidOperationException">The seed is invalid, or a non-loopback address is requested without an admin token.</exception>
    /// <exception cref="IOException">The seed file cannot be read or the address cannot be bound.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (a non-positive TTL, page size or limit).</exception>
    /// <exception cref="ArgumentException"><see cref="AkeylessEmulatorOptions.DataPath"/> or <see cref="AkeylessEmulatorOptions.SeedPath"/> is blank, or <see cref="AkeylessEmulatorOptions.TimeProvider"/> is null.</exception>
    public static async Task<AkeylessEmulator> StartAsync(AkeylessEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AkeylessEmulatorOptions();
        var (app, state, baseUrl) = await EmulatorHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        var method = state.Directory.FindByName(Auth.AccessIds.DefaultMethodName)!;
        return new AkeylessEmulator(app, state, baseUrl, method.AccessId!, method.AccessKey!);
    }

    /// <summary>Stops the server and closes the data file.</summary>
    /// <returns>A task that completes when the emulator has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _state.Dispose();
        }
    }

    /// <summary>Gets the state the commands work on, for tests that must act between two steps of a command.</summary>
    internal EmulatorState State => _state;

    /// <summary>Waits until the host is asked to stop (Ctrl+C, SIGTERM).</summary>
    internal Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"AkeylessEmulator at {BaseUrl} (access id {AccessId})";
}
