using System.Text.Json.Serialization.Metadata;
using AkeylessSharp.Auth;
using AkeylessSharp.Auth.Internal;
using AkeylessSharp.Settings;
using AkeylessSharp.Settings.Internal;
using AkeylessSharp.Diagnostics;
using AkeylessSharp.Errors.Internal;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;
using AkeylessSharp.Secrets.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkeylessSharp;

/// <summary>
/// The Akeyless client: authenticates with the configured access type, keeps the token fresh, retries transient
/// failures, and maps errors to <see cref="AkeylessException"/> subtypes. Thread-safe; create one and share it.
/// </summary>
/// <example>
/// <code>
/// using var client = new AkeylessClient(new AkeylessClientOptions { AccessId = "p-abc123", AccessKey = key });
/// string password = await client.GetSecretAsync("/prod/db/password");
/// </code>
/// </example>
/// <remarks>
/// Members are virtual and a protected constructor exists so tests can mock the client. Once the client is disposed,
/// every member throws <see cref="ObjectDisposedException"/>, cache hits and calls in flight included.
/// </remarks>
public partial class AkeylessClient : IAkeylessClient, IDisposable
{
    private readonly AkeylessClientOptions _options = null!;
    private readonly AkeylessTransport _transport = null!;
    private readonly TokenManager _tokens = null!;
    private readonly Diagnostics.Internal.CommandTelemetry _telemetry = null!;
    private readonly StaticSecretReader _staticReader = null!;
    private readonly TimeProvider _timeProvider = TimeProvider.System;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly IDisposable? _ownedResources;

    /// <summary>
    /// Creates a client with its own retrying HTTP pipeline over a connection pool shared by every client built this way.
    /// </summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="loggerFactory">Where logs go; <see langword="null"/> discards them.</param>
    /// <param name="timeProvider">The clock for token expiry and call timeouts; <see langword="null"/> uses the system clock.</param>
    /// <param name="cloudIdProviders">Cloud identity providers for <c>aws_iam</c>, <c>gcp</c>, <c>azure_ad</c> (from AkeylessSharp.CloudId.Aws, .Azure or .Gcp).</param>
    /// <exception cref="AkeylessConfigurationException">An option is missing or invalid; the message names it.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "The HttpClient constructors differ by a leading parameter; the optional dependencies stay optional on this, the common one.")]
    public AkeylessClient(AkeylessClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, IEnumerable<ICloudIdProvider>? cloudIdProviders = null)
        : this(CreateOwnedHttpClient(options, loggerFactory), options, loggerFactory, timeProvider, cloudIdProviders, ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> you configured (handlers, resilience, proxy), with the system clock
    /// and no logging. The client adds no retry of its own on this path and does not dispose <paramref name="httpClient"/>.
    /// </summary>
    /// <param name="httpClient">
    /// The HTTP client; its <see cref="HttpClient.BaseAddress"/> is ignored in favour of <see cref="AkeylessClientOptions.ApiUrl"/>.
    /// Give its primary handler <c>AllowAutoRedirect = false</c>: a handler that sends copies of a request (hedging) and
    /// follows a redirect to another origin sends the credential or token there, which the client can only report.
    /// </param>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="AkeylessConfigurationException">An option is missing or invalid; the message names it.</exception>
    public AkeylessClient(HttpClient httpClient, AkeylessClientOptions options)
        : this(httpClient, options, null, null, null)
    {
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> you configured (handlers, resilience, proxy). The client adds no
    /// retry of its own on this path and does not dispose <paramref name="httpClient"/>.
    /// </summary>
    /// <param name="httpClient">
    /// The HTTP client; its <see cref="HttpClient.BaseAddress"/> is ignored in favour of <see cref="AkeylessClientOptions.ApiUrl"/>.
    /// Give its primary handler <c>AllowAutoRedirect = false</c>: a handler that sends copies of a request (hedging) and
    /// follows a redirect to another origin sends the credential or token there, which the client can only report.
    /// </param>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="loggerFactory">Where logs go; <see langword="null"/> discards them.</param>
    /// <param name="timeProvider">The clock for token expiry and call timeouts; <see langword="null"/> uses the system clock.</param>
    /// <param name="cloudIdProviders">Cloud identity providers for <c>aws_iam</c>, <c>gcp</c>, <c>azure_ad</c>.</param>
    /// <exception cref="AkeylessConfigurationException">An option is missing or invalid; the message names it.</exception>
    public AkeylessClient(HttpClient httpClient, AkeylessClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, IEnumerable<ICloudIdProvider>? cloudIdProviders)
        : this(Validated(httpClient, options), options, loggerFactory, timeProvider, cloudIdProviders, ownsHttpClient: false)
    {
    }

    /// <summary>For mocking frameworks only: a client whose members all throw unless overridden.</summary>
    protected AkeylessClient()
    {
    }

    internal AkeylessClient(Func<HttpClient> httpClient, AkeylessClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, IEnumerable<ICloudIdProvider>? cloudIdProviders)
        : this(httpClient, options, loggerFactory, timeProvider, cloudIdProviders, null)
    {
    }

    private AkeylessClient(HttpClient httpClient, AkeylessClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, IEnumerable<ICloudIdProvider>? cloudIdProviders, bool ownsHttpClient)
        : this(() => httpClient, options, loggerFactory, timeProvider, cloudIdProviders, ownsHttpClient ? httpClient : null)
    {
    }

    private AkeylessClient(Func<HttpClient> httpClient, AkeylessClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, IEnumerable<ICloudIdProvider>? cloudIdProviders, IDisposable? owned)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Snapshot();
        var baseUri = OptionsChecks.ThrowIfInvalid(options);
        _options = options;
        _ownedResources = owned;
        _stopCalls = owned is null ? new CancellationTokenSource() : null;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _detectedTypes = new Caching.Internal.ExpiringMap<AkeylessItemType>(_timeProvider);
        _logger = ClientLogger(loggerFactory);
        _transport = new AkeylessTransport(httpClient, baseUri, options.TotalRequestTimeout);
        _telemetry = new Diagnostics.Internal.CommandTelemetry(baseUri, options.IncludePathInTraces, _logger);
        var context = new AuthContext(options, _transport, _timeProvider, cloudIdProviders?.ToArray() ?? [], _logger) { Telemetry = _telemetry };
        _tokens = new TokenManager(AuthenticatorTable.Create(context), _timeProvider, options.TokenRefreshBuffer, options.Timeout, options.AccessType, _logger);
        _staticReader = new StaticSecretReader(this, options.Cache?.MaxBatchSize ?? StaticSecretReader.DefaultMaxBatchSize);
        _secretCache = CreateSecretCache(options);
    }

    /// <summary>
    /// A copy of the options this client was built with. The client keeps its own copy, taken when it was built: changing
    /// the object given to the constructor, or the one returned here, does not change the client.
    /// </summary>
    public AkeylessClientOptions Options => _options.Snapshot();

    /// <summary>Sends an authorized command; on a 401 with a token believed valid, authenticates again once and retries once.</summary>
    internal Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string command, string? path, TRequest request, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo, TimeSpan? timeout, CancellationToken cancellationToken)
        where TRequest : TokenRequest =>
        InvokeAsync(command, path, request, requestInfo, responseInfo, timeout, static (response, _) => response, (object?)null, cancellationToken);

    /// <summary>
    /// <see cref="InvokeAsync{TRequest, TResponse}"/>, then <paramref name="map"/> turns the answer into the result once the
    /// call's telemetry has ended (what <paramref name="map"/> throws is the caller's failure, not the call's), in the
    /// same async method: a caller that only maps the answer needs no async method of its own.
    /// </summary>
    internal Task<TResult> InvokeAsync<TRequest, TResponse, TState, TResult>(
        string command, string? path, TRequest request, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo, TimeSpan? timeout,
        Func<TResponse, TState, TResult> map, TState state, CancellationToken cancellationToken)
        where TRequest : TokenRequest =>
        InvokeCoreAsync(command, path, request, requestInfo, responseInfo, timeout, map, state, TokenCarrier.Typed<TRequest>(), cancellationToken);

    /// <summary>
    /// The one authorized call of every command, typed or raw (<see cref="InvokeAsync(string, System.Text.Json.Nodes.JsonObject, AkeylessCommandOptions?, CancellationToken)"/>):
    /// the call's timeout, telemetry and token; on a 401 with a token believed valid, authenticates again once and sends
    /// once more. <paramref name="carrier"/> says how the request carries the token (or that it sends none) and whether it may be replayed.
    /// </summary>
    private async Task<TResult> InvokeCoreAsync<TRequest, TResponse, TState, TResult>(
        string command, string? path, TRequest request, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo, TimeSpan? timeout,
        Func<TResponse, TState, TResult> map, TState state, TokenCarrier<TRequest> carrier, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        TResponse response;
        {
            var limit = timeout ?? _options.Timeout;
            var started = _timeProvider.GetTimestamp();
            using var callTimeout = CallTimeout.Start(limit, _timeProvider, cancellationToken, _stopCalls?.Token ?? default);
            using var scope = _telemetry.Start(command, path, request is GetSecretValueRequest batch ? batch.Names.Count : 1);
            // Default until the call holds a token: a timeout then ended the call while it was authenticating. No flag of its
            // own, so the call's state machine stays as small as before.
            AkeylessToken token = default;
            try
            {
                if (carrier.SetToken is null)
                {
                    response = await _transport.SendAsync(command, path, request, requestInfo, responseInfo, callTimeout.Token, carrier.Idempotent, Remaining(limit, started)).ConfigureAwait(false);
                }
                else
                {
                    token = await _tokens.GetTokenAsync(callTimeout.Token).ConfigureAwait(false);
                    carrier.SetToken(request, token.Value);
                    try
                    {
                        response = await _transport.SendAsync(command, path, request, requestInfo, responseInfo, callTimeout.Token, carrier.Idempotent, Remaining(limit, started)).ConfigureAwait(false);
                    }
                    catch (AkeylessUnauthorizedException)
                    {
                        // A 401 means the command was not run, so sending it again with a fresh token is safe even for a write.
                        OnTokenRejected(token, command, scope);
                        token = default; // authenticating again
                        token = await _tokens.GetTokenAsync(callTimeout.Token).ConfigureAwait(false);
                        carrier.SetToken(request, token.Value);
                        response = await _transport.SendAsync(command, path, request, requestInfo, responseInfo, callTimeout.Token, carrier.Idempotent, Remaining(limit, started)).ConfigureAwait(false);
                    }
                }

                scope.Succeeded();
            }
            catch (OperationCanceledException ex) when (callTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested && !_disposed)
            {
                var timedOut = carrier.SetToken is not null && token.Value is null
                    ? ExceptionFactory.AuthenticationTimeout(command, path, limit, _options.AccessType, ex)
                    : ExceptionFactory.Timeout(command, path, limit, ex);
                scope.Failed(timedOut);
                throw timedOut;
            }
            catch (Exception ex) when (EndedByDispose(ex, cancellationToken))
            {
                var disposed = DisposedInFlight(command);
                scope.Failed(disposed);
                throw disposed;
            }
            // Without a token, the failure is the authentication's, which the token manager has logged (event 201) once for
            // every caller waiting on it; the /auth call's own failures carry its command, but an authenticator failing on its
            // source (a JWT variable, a token file, a cloud-id provider package) does not.
            catch (Exception ex) when (scope.Failed(ex, loggedElsewhere: carrier.SetToken is not null && token.Value is null))
            {
                throw;
            }
        }

        return map(response, state);
    }

    /// <summary>What is left of a call's <paramref name="limit"/>, for the retry to decline a Retry-After that cannot fit.</summary>
    private TimeSpan Remaining(TimeSpan limit, long started) =>
        limit == System.Threading.Timeout.InfiniteTimeSpan ? limit : limit - _timeProvider.GetElapsedTime(started);

    /// <summary>One Warning per rejected token: only the caller that retires it logs; the others were already behind it.</summary>
    private void OnTokenRejected(AkeylessToken token, string command, Diagnostics.Internal.CommandScope scope)
    {
        scope.ReAuthenticated();
        if (_tokens.Invalidate(token))
        {
            Log.ReAuthenticating(_logger, command);
            AkeylessTelemetry.ReAuthentications.Add(1);
        }
        else
        {
            Log.TokenAlreadyReplaced(_logger, command);
        }
    }

    private static HttpClient CreateOwnedHttpClient(AkeylessClientOptions options, ILoggerFactory? loggerFactory)
    {
        OptionsChecks.ThrowIfInvalid(options);
        var handler = AkeylessResilience.CreateHandler(options, TimeProvider.System, ClientLogger(loggerFactory));
        handler.InnerHandler = PrimaryHandlerFactory.Get(options);

        // disposeHandler: false keeps the shared connection pool alive when this client is disposed.
        var httpClient = new HttpClient(handler, disposeHandler: PrimaryHandlerFactory.NeedsOwnHandler(options));
        AkeylessResilience.ApplyTotalTimeout(httpClient, options);
        return httpClient;
    }

    internal static ILogger ClientLogger(ILoggerFactory? loggerFactory) =>
        (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("AkeylessSharp.AkeylessClient");

    private static HttpClient Validated(HttpClient httpClient, AkeylessClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        return httpClient;
    }
}
