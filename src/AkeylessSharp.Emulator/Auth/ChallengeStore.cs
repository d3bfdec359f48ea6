using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>One-time challenges for certificate auth (<c>get-cert-challenge</c>), valid for 60 seconds.</summary>
internal sealed class ChallengeStore
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _challenges = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public ChallengeStore(TimeProvider time) => _time = time;

    public string Issue()
    {
        var challenge = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _challenges[challenge] = _time.GetUtcNow() + Lifetime;
        return challenge;
    }

    /// <summary>Consumes a challenge; true when it was issued here and has not expired or been used.</summary>
    public bool TryConsume(string challenge) =>
        _challenges.TryRemove(challenge, out var expires) && _time.GetUtcNow() < expires;
}
