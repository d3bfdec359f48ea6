using AkeylessSharp.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Auth.Internal;

/// <summary>
/// Holds the API token: serves the cached one until it is within the refresh buffer of expiry, and makes concurrent
/// callers share ONE in-flight authentication. A caller's cancellation only stops its own wait, never the shared
/// authentication. That is bounded by the client's <c>Timeout</c>: past it, the attempt is cancelled and given up (even
/// a cloud-id provider that ignores cancellation), so a hung one cannot make every later call wait on it.
/// </summary>
internal sealed class TokenManager
{
    private readonly IAkeylessAuthenticator _authenticator;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _refreshBuffer;
    private readonly TimeSpan _timeout;
    private readonly AkeylessAccessType _accessType;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private CachedToken? _current;
    private Task<AkeylessToken>? _inFlight;

    public TokenManager(IAkeylessAuthenticator authenticator, TimeProvider timeProvider, TimeSpan refreshBuffer, TimeSpan timeout, AkeylessAccessType accessType, ILogger logger)
    {
        _timeout = timeout;
        _authenticator = authenticator;
        _timeProvider = timeProvider;
        _refreshBuffer = refreshBuffer;
        _accessType = accessType;
        _logger = logger;
    }

    /// <summary>Returns a token valid beyond the refresh point, authenticating (once for all callers) when needed.</summary>
    public ValueTask<AkeylessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && _timeProvider.GetUtcNow() < current.RefreshAt)
        {
            return new ValueTask<AkeylessToken>(current.Token);
        }

        return new ValueTask<AkeylessToken>(GetOrStartAuthentication().WaitAsync(cancellationToken));
    }

    /// <summary>Forgets <paramref name="rejected"/> if it is still the cached token, so the next call authenticates.</summary>
    /// <returns>Whether this call retired it (<see langword="false"/> when another caller already had).</returns>
    public bool Invalidate(AkeylessToken rejected)
    {
        lock (_gate)
        {
            if (_current is not null && _current.Token.Value == rejected.Value)
            {
                _current = null;
                return true;
            }

            return false;
        }
    }

    private Task<AkeylessToken> GetOrStartAuthentication()
    {
        lock (_gate)
        {
            if (_current is not null && _timeProvider.GetUtcNow() < _current.RefreshAt)
            {
                return Task.FromResult(_current.Token);
            }

            if (_inFlight is null || _inFlight.IsCompleted)
            {
                // Run outside the lock, even if the authenticator completes synchronously.
                _inFlight = Task.Run(AuthenticateAsync);

                // A failure is logged where it happens; observed here too, since every caller waiting for it may have
                // cancelled, so it does not come back as an unobserved task exception.
                Errors.Internal.AbandonedTask.ObserveFailure(_inFlight);
            }

            return _inFlight;
        }
    }

    private async Task<AkeylessToken> AuthenticateAsync()
    {
        try
        {
            var token = await AuthenticateWithinTimeoutAsync().ConfigureAwait(false);
            var now = _timeProvider.GetUtcNow();
            var lifetime = token.ExpiresAt - now;

            // A buffer longer than half the token's life would make every call authenticate again.
            var buffer = lifetime > TimeSpan.Zero && _refreshBuffer > lifetime / 2 ? lifetime / 2 : _refreshBuffer;
            // An expiry within the buffer of the earliest date (Go's zero time, 0001-01-01) is past like any other.
            var refreshAt = token.ExpiresAt - DateTimeOffset.MinValue > buffer ? token.ExpiresAt - buffer : DateTimeOffset.MinValue;
            Volatile.Write(ref _current, new CachedToken(token, refreshAt));
            AkeylessTelemetry.RecordAuthentication(AkeylessAccessTypeNames.ToWireName(_accessType), errorType: null);
            Log.Authenticated(_logger, _accessType, token.ExpiresAt);
            return token;
        }
        catch (Exception ex)
        {
            AkeylessTelemetry.RecordAuthentication(AkeylessAccessTypeNames.ToWireName(_accessType), Diagnostics.Internal.ErrorTypes.Of(ex));
            Log.AuthenticationFailed(_logger, _accessType, ex);
            throw;
        }
    }

    private async Task<AkeylessToken> AuthenticateWithinTimeoutAsync()
    {
        // The limit starts before the authenticator runs, so its end is seen even when the attempt ignores the token.
        using var limit = new CancellationTokenSource(_timeout, _timeProvider);
        var attempt = _authenticator.AuthenticateAsync(limit.Token).AsTask();
        try
        {
            return await attempt.WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (limit.IsCancellationRequested)
        {
            Errors.Internal.AbandonedTask.ObserveFailure(attempt);
            throw Errors.Internal.ExceptionFactory.AuthenticationTimeout(Http.Internal.CommandCatalog.Auth, path: null, _timeout, _accessType, ex);
        }
    }

    private sealed record CachedToken(AkeylessToken Token, DateTimeOffset RefreshAt);
}
