using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>
/// One-time challenges for certificate auth (<c>get-cert-challenge</c>), valid for 60 seconds. At most
/// <see cref="MaxOpen"/> are held: past that, expired ones are swept and then the oldest dropped, so a client
/// asking for challenges in a loop cannot grow the emulator's memory.
/// </summary>
internal sealed class ChallengeStore
{
    public const int MaxOpen = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _challenges = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public ChallengeStore(TimeProvider time) => _time = time;

    public int Count => _challenges.Count;

    public string Issue()
    {
        if (_challenges.Count >= MaxOpen)
        {
            Trim();
        }

        var challenge = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _challenges[challenge] = _time.GetUtcNow() + Lifetime;
        return challenge;
    }

    /// <summary>Consumes a challenge; true when it was issued here and has not expired or been used.</summary>
    public bool TryConsume(string challenge) =>
        _challenges.TryRemove(challenge, out var expires) && _time.GetUtcNow() < expires;

    private void Trim()
    {
        var now = _time.GetUtcNow();
        var oldestFirst = _challenges.OrderBy(c => c.Value).ToList();
        var excess = oldestFirst.Count - (MaxOpen / 2);
        foreach (var (challenge, expires) in oldestFirst)
        {
            if (expires > now && excess <= 0)
            {
                break;
            }

            if (_challenges.TryRemove(challenge, out _))
            {
                excess--;
            }
        }
    }
}
