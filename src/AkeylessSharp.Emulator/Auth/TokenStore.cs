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
    private readonly ConcurrentDictionary<string, Entry> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public TokenStore(TimeProvider time) => _time = time;

    public (string Token, DateTimeOffset Expires) Issue(AuthMethodSeed method, TimeSpan ttl)
    {
        var token = "t-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = _time.GetUtcNow() + ttl;
        _tokens[token] = new Entry(method, expires);
        return (token, expires);
    }

    public string IssueUid(AuthMethodSeed method, TimeSpan ttl, string? token = null)
    {
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

    private sealed record Entry(AuthMethodSeed Method, DateTimeOffset Expires);
}
