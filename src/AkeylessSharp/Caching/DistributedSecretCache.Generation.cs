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

    // The generation check in flight, joined by every call that finds the generation due meanwhile: one read of the
    // generation key per check interval, not one per call in flight when it falls due.
    private readonly Lock _checkGate = new();
    private Task<string>? _check;

    // How many removals and clears did not reach the distributed cache (an outage); while not zero, the next call that
    // reaches it starts a new generation there first, so the entries they should have deleted are not read again.
    private int _unwrittenRemovals;

    /// <inheritdoc />
    /// <remarks>
    /// Writes a new generation id; entries of the old generation are no longer read and expire on their own.
    /// Other instances see the clear within <see cref="AkeylessCacheOptions.GenerationCheckInterval"/>. A removal or
    /// clear made while the distributed cache is failing is written as a new generation once it answers again.
    /// </remarks>
    public async ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        string generation = NewGenerationId();
        await _fallback.ClearAsync(cancellationToken).ConfigureAwait(false);

        // Adopt the new generation locally even if the write fails, so this instance never reads the cleared entries.
        Volatile.Write(ref _generation, new GenerationSnapshot(generation, NextGenerationCheck()));
        bool written = false;
        if (_guard.TryEnter(out bool probe))
        {
            (written, _) = await GuardAsync(
                "clear",
                probe,
                async (self, ct) =>
                {
                    await self.WriteGenerationAsync(generation, ct).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }

        if (!written)
        {
            OnRemovalNotWritten();
        }

        Log.Cleared(_logger, generation);
    }

    private string GenerationKey => _prefix + "generation";

    /// <summary>The current generation, re-read from the distributed cache at most once per check interval.</summary>
    private ValueTask<string> GetGenerationAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _unwrittenRemovals) != 0)
        {
            return StartGenerationAsync(cancellationToken);
        }

        var snapshot = Volatile.Read(ref _generation);
        return snapshot is not null && _time.GetTimestamp() < snapshot.CheckAfter
            ? new ValueTask<string>(snapshot.Generation)
            : JoinGenerationCheck(snapshot, cancellationToken);
    }

    /// <summary>
    /// Starts the generation check, or joins the one in flight. The check is shared, so no caller's cancellation ends it;
    /// it is bounded by <see cref="AkeylessCacheOptions.DistributedCacheTimeout"/>, and its failure is each caller's.
    /// </summary>
    private ValueTask<string> JoinGenerationCheck(GenerationSnapshot? seen, CancellationToken cancellationToken)
    {
        Task<string> check;
        lock (_checkGate)
        {
            if (_check is null || _check.IsCompleted)
            {
                _check = ReadGenerationAsync(seen, CancellationToken.None).AsTask();
                AkeylessSharp.Errors.Internal.AbandonedTask.ObserveFailure(_check);
            }

            check = _check;
        }

        return new ValueTask<string>(check.IsCompleted ? check : check.WaitAsync(cancellationToken));
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

    /// <summary>Notes a removal or clear that did not reach the distributed cache.</summary>
    private void OnRemovalNotWritten() => Interlocked.Increment(ref _unwrittenRemovals);

    /// <summary>
    /// Writes a new generation before the first read or write that reaches the distributed cache after removals it missed:
    /// cheaper than remembering every key, and the only way to reach entries other instances wrote meanwhile.
    /// </summary>
    private async ValueTask<string> StartGenerationAsync(CancellationToken cancellationToken)
    {
        int missed = Volatile.Read(ref _unwrittenRemovals);
        string generation = NewGenerationId();
        await WriteGenerationAsync(generation, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _generation, new GenerationSnapshot(generation, NextGenerationCheck()));

        // Cleared only if no removal was missed meanwhile; otherwise the next call starts yet another generation.
        Interlocked.CompareExchange(ref _unwrittenRemovals, 0, missed);
        Log.Cleared(_logger, generation);
        return generation;
    }

    private Task WriteGenerationAsync(string generation, CancellationToken cancellationToken) =>
        WithTimeout(_cache.SetAsync(GenerationKey, Encoding.ASCII.GetBytes(generation), new DistributedCacheEntryOptions(), cancellationToken), cancellationToken);

    private static string NewGenerationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private long NextGenerationCheck() => Timestamps.After(_time, _generationCheckInterval);

    private sealed record GenerationSnapshot(string Generation, long CheckAfter);
}
