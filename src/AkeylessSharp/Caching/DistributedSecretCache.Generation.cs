using System.Security.Cryptography;
using System.Text;
using AkeylessSharp.Caching.Internal;
using Microsoft.Extensions.Caching.Distributed;

namespace AkeylessSharp.Caching;

public sealed partial class DistributedSecretCache
{
    private const string InitialGeneration = "0";

    private readonly TimeSpan _generationCheckInterval;
    // Read with Volatile.Read, replaced with Volatile.Write or Interlocked: a check in flight must not undo a clear.
    private GenerationSnapshot? _generation;

    /// <inheritdoc />
    /// <remarks>
    /// Writes a new generation id; entries of the old generation are no longer read and expire on their own.
    /// Other instances see the clear within <see cref="AkeylessCacheOptions.GenerationCheckInterval"/>.
    /// </remarks>
    public async ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        string generation = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        await _fallback.ClearAsync(cancellationToken).ConfigureAwait(false);

        // Adopt the new generation locally even if the write fails, so this instance never reads the cleared entries.
        Volatile.Write(ref _generation, new GenerationSnapshot(generation, NextGenerationCheck()));
        if (_guard.TryEnter(out bool probe))
        {
            await GuardAsync(
                "clear",
                probe,
                async (self, ct) =>
                {
                    await self.WithTimeout(self._cache.SetAsync(self.GenerationKey, Encoding.ASCII.GetBytes(generation), new DistributedCacheEntryOptions(), ct), ct).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }

        Log.Cleared(_logger, generation);
    }

    private string GenerationKey => _prefix + "generation";

    /// <summary>The current generation, re-read from the distributed cache at most once per check interval.</summary>
    private ValueTask<string> GetGenerationAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _generation);
        return snapshot is not null && _time.GetTimestamp() < snapshot.CheckAfter
            ? new ValueTask<string>(snapshot.Generation)
            : ReadGenerationAsync(snapshot, cancellationToken);
    }

    private async ValueTask<string> ReadGenerationAsync(GenerationSnapshot? seen, CancellationToken cancellationToken)
    {
        byte[]? stored = await WithTimeout(_cache.GetAsync(GenerationKey, cancellationToken), cancellationToken).ConfigureAwait(false);
        string generation = stored is { Length: > 0 and <= 32 } && stored.All(static b => char.IsAsciiHexDigitLower((char)b))
            ? Encoding.ASCII.GetString(stored)
            : InitialGeneration;

        // Kept only if nothing replaced the generation meanwhile: a clear made while this read was in flight is newer
        // than what it read, and stays.
        var current = Interlocked.CompareExchange(ref _generation, new GenerationSnapshot(generation, NextGenerationCheck()), seen);
        return ReferenceEquals(current, seen) ? generation : current!.Generation;
    }

    private long NextGenerationCheck() => Timestamps.After(_time, _generationCheckInterval);

    private sealed record GenerationSnapshot(string Generation, long CheckAfter);
}
