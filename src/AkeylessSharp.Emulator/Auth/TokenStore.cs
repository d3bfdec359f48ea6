using System.Collections.Concurrent;
using System.Security.Cryptography;
using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>
/// Issued API (<c>t-</c>) and universal identity (<c>u-</c>) tokens. Held in memory only: a restart
/// invalidates them, like a session expiring, and clients simply authenticate again.
/// </summary>
internal sealed class TokenStore
{
    private const string ApiTokenPrefix = "t-";

    // Past this many live entries, each new token first sweeps the expired ones, so auth loops stay bounded.
    private const int SweepThreshold = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public TokenStore(TimeProvider time) => _time = time;

    public (string Token, DateTimeOffset Expires) Issue(AuthMethodSeed method, TimeSpan ttl)
    {
        SweepIfLarge();
        var token = ApiTokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = _time.GetUtcNow() + ttl;
        _tokens[token] = new Entry(method, expires);
        return (token, expires);
    }

    public string IssueUid(AuthMethodSeed method, TimeSpan ttl, string? token = null)
    {
        SweepIfLarge();
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
        var deadline = _time.GetUtcNow() + delay;
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

    private void SweepIfLarge()
    {
        if (_tokens.Count < SweepThreshold)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var (token, entry) in _tokens)
        {
            if (now >= entry.Expires)
            {
                _tokens.TryRemove(token, out _);
            }
        }
    }

    private sealed record Entry(AuthMethodSeed Method, DateTimeOffset Expires);
}
