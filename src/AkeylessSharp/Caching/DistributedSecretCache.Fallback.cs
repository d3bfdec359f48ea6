using AkeylessSharp.Caching.Internal;

namespace AkeylessSharp.Caching;

public sealed partial class DistributedSecretCache
{
    private readonly BackendGuard _guard;
    private readonly MemorySecretCache _fallback;

    /// <summary>
    /// Runs one distributed cache operation. A failure or timeout (not the caller's cancellation) is logged, opens the
    /// breaker and returns <c>ok: false</c> so the caller uses the in-process fallback; it never reaches the reader.
    /// </summary>
    private async ValueTask<(bool Ok, T? Result)> GuardAsync<T>(
        string operation,
        bool probe,
        Func<DistributedSecretCache, CancellationToken, Task<T>> action,
        CancellationToken cancellationToken)
    {
        var outcome = await _guard.RunAsync(probe, this, action, cancellationToken).ConfigureAwait(false);
        if (outcome.Recovered)
        {
            // Values written to the fallback during the outage are not in the distributed cache; dropping them keeps
            // one source of truth (they are fetched again once) instead of two diverging ones.
            await _fallback.ClearAsync(CancellationToken.None).ConfigureAwait(false);
            Log.DistributedCacheRecovered(_logger);
        }

        if (outcome.BrokeWith is { } failure)
        {
            Log.DistributedCacheBroken(_logger, operation, _guard.BreakDuration, failure);
        }

        return (outcome.Ok, outcome.Result);
    }

    private Task<T> WithTimeout<T>(Task<T> task, CancellationToken cancellationToken) => _guard.WithTimeout(task, cancellationToken);

    private Task WithTimeout(Task task, CancellationToken cancellationToken) => _guard.WithTimeout(task, cancellationToken);
}
