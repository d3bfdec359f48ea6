using AkeylessSharp.Caching.Internal;

namespace AkeylessSharp.Caching;

public sealed partial class DistributedSecretCache
{
    private readonly CircuitBreaker _breaker;
    private readonly MemorySecretCache _fallback;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _breakDuration;

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
        try
        {
            T result = await action(this, cancellationToken).ConfigureAwait(false);
            if (_breaker.OnSuccess(probe))
            {
                // Values written to the fallback during the outage are not in the distributed cache; dropping them keeps
                // one source of truth (they are fetched again once) instead of two diverging ones.
                await _fallback.ClearAsync(CancellationToken.None).ConfigureAwait(false);
                Log.DistributedCacheRecovered(_logger);
            }

            return (true, result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any backend failure (RedisConnectionException, timeouts, socket errors) must degrade, not fail the read.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _metrics?.DistributedFailures.Add(1);
            if (_breaker.OnFailure() || probe)
            {
                Log.DistributedCacheBroken(_logger, operation, _breakDuration, ex);
            }

            return (false, default);
        }
    }

    private Task<T> WithTimeout<T>(Task<T> task, CancellationToken cancellationToken) =>
        task.IsCompleted ? task : task.WaitAsync(_timeout, _time, cancellationToken);

    private Task WithTimeout(Task task, CancellationToken cancellationToken) =>
        task.IsCompleted ? task : task.WaitAsync(_timeout, _time, cancellationToken);
}
