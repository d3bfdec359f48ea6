using System.Collections.Concurrent;
using System.Security.Cryptography;
using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>
/// Issued API (<c>t-</c>) and universal identity (<c>u-</c>) tokens. Held in memory only: a restart
/// invalidates them, like a session expiring, and clients simply authenticate again. At most <see cref="MaxLive"/>
/// are held: a client authenticating in a loop would otherwise grow the emulator by about 1 KB per call for a whole
/// token lifetime. Past it, expired tokens go first, then the API tokens closest to expiring (the oldest), then
/// universal identity tokens likewise; a client whose token went this way gets 401 and authenticates again.
/// </summary>
internal sealed class TokenStore
{
    public const int MaxLive = 100_000;

    private const string ApiTokenPrefix = "t-";
    private readonly ConcurrentDictionary<string, Entry> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public TokenStore(TimeProvider time) => _time = time;

    public int Count => _tokens.Count;

    public (string Token, DateTimeOffset Expires) Issue(AuthMethodSeed method, TimeSpan ttl)
    {
        TrimIfFull();
        var token = ApiTokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = _time.GetUtcNow() + ttl;
        _tokens[token] = new Entry(method, expires);
        return (token, expires);
    }

    public string IssueUid(AuthMethodSeed method, TimeSpan ttl, string? token = null)
    {
        TrimIfFull();
        token ??= "u-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tokens[token] = new Entry(method, _time.GetUtcNow() + ttl);
        return token;
    }

    /// <summary>Resolves a token to its caller, or throws 401 naming why (missing, unknown, expired).</summary>
    public Caller Resolve(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw Errors.Unauthenticated("authentication required: missing token (send \"token\" or \"uid-token\")");
        }

        if (!_tokens.TryGetValue(token, out var entry))
        {
            throw Errors.Unauthenticated("authentication failed: invalid token");
        }

        if (_time.GetUtcNow() >= entry.Expires)
        {
            _tokens.TryRemove(token, out _);
            throw Errors.Unauthenticated("authentication failed: token expired");
        }

        return new Caller(entry.Method, token);
    }

    public bool Revoke(string token) => _tokens.TryRemove(token, out _);

    /// <summary>
    /// Revokes the universal identity token <paramref name="current"/>, then issues its successor: of rotations racing
    /// on one token only the one that removed it gets a new token; the others get 401 as for a revoked token.
    /// </summary>
    public string RotateUid(string current, Func<AuthMethodSeed, TimeSpan> ttlOf)
    {
        _ = Resolve(current);
        if (!_tokens.TryRemove(current, out var entry))
        {
            throw Errors.Unauthenticated("authentication failed: invalid token");
        }

        return IssueUid(entry.Method, ttlOf(entry.Method));
    }

    /// <summary>
    /// Issues a universal identity token beside <paramref name="current"/>, which stays valid: a child token
    /// (<c>fork</c>), or a rotation awaiting its manual ack (<c>with-manual-ack</c>), which <see cref="AcknowledgeUid"/> completes.
    /// </summary>
    public string IssueUidBeside(string current, Func<AuthMethodSeed, TimeSpan> ttlOf, bool awaitingAck)
    {
        var method = Resolve(current).Method;
        TrimIfFull();
        var token = "u-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tokens[token] = new Entry(method, _time.GetUtcNow() + ttlOf(method), awaitingAck ? current : null);
        return token;
    }

    /// <summary>Acknowledges <paramref name="rotated"/>, a rotation of <paramref name="current"/> made with manual ack: revokes <paramref name="current"/>.</summary>
    public string AcknowledgeUid(string current, string rotated)
    {
        _ = Resolve(current);
        if (!_tokens.TryGetValue(rotated, out var entry) || !string.Equals(entry.AwaitingAckOf, current, StringComparison.Ordinal))
        {
            throw Errors.BadRequest(
                "invalid value for parameter send-manual-ack-token: not a token rotated from this uid-token with with-manual-ack (or already acknowledged)");
        }

        if (!_tokens.TryRemove(current, out _))
        {
            throw Errors.Unauthenticated("authentication failed: invalid token");
        }

        _tokens.TryUpdate(rotated, entry with { AwaitingAckOf = null }, entry);
        return rotated;
    }

    /// <summary>Revokes the API (<c>t-</c>) tokens issued to <paramref name="methodName"/>, or to every method when it is null.</summary>
    public int RevokeApiTokens(string? methodName)
    {
        var n = 0;
        foreach (var (token, entry) in _tokens)
        {
            if (IsApiTokenOf(token, entry, methodName) && _tokens.TryRemove(token, out _))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Shortens the API tokens of <paramref name="methodName"/> (or all) so they expire at most <paramref name="delay"/> from now.</summary>
    public int ExpireApiTokens(TimeSpan delay, string? methodName)
    {
        var now = _time.GetUtcNow();

        // A delay beyond the last date the clock can hold (TimeSpan.MaxValue) shortens nothing.
        var deadline = delay < DateTimeOffset.MaxValue - now ? now + delay : DateTimeOffset.MaxValue;
        var n = 0;
        foreach (var (token, entry) in _tokens)
        {
            if (IsApiTokenOf(token, entry, methodName) && entry.Expires > deadline
                && _tokens.TryUpdate(token, entry with { Expires = deadline }, entry))
            {
                n++;
            }
        }

        return n;
    }

    private static bool IsApiTokenOf(string token, Entry entry, string? methodName) =>
        token.StartsWith(ApiTokenPrefix, StringComparison.Ordinal)
        && (methodName is null || string.Equals(entry.Method.Name, methodName, StringComparison.Ordinal));

    private void TrimIfFull()
    {
        if (_tokens.Count < MaxLive)
        {
            return;
        }

        // Down to three quarters, so the next trim is a quarter of MaxLive issues away: trimming stays amortized O(log n).
        var now = _time.GetUtcNow();
        var excess = _tokens.Count - (MaxLive * 3 / 4);
        var order = _tokens
            .OrderBy(t => now < t.Value.Expires)
            .ThenBy(t => !t.Key.StartsWith(ApiTokenPrefix, StringComparison.Ordinal))
            .ThenBy(t => t.Value.Expires)
            .Select(t => t.Key)
            .ToList();
        foreach (var token in order)
        {
            if (excess <= 0)
            {
                break;
            }

            if (_tokens.TryRemove(token, out _))
            {
                excess--;
            }
        }
    }

    // AwaitingAckOf: the token a rotation made with manual ack replaces once acknowledged.
    private sealed record Entry(AuthMethodSeed Method, DateTimeOffset Expires, string? AwaitingAckOf = null);
}
