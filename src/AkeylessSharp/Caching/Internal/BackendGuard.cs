using AkeylessSharp.Errors.Internal;

namespace AkeylessSharp.Caching.Internal;

/// <summary>The outcome of one guarded backend call, with the breaker transitions the caller reports.</summary>
/// <param name="Ok">Whether the call succeeded; on <see langword="false"/> the caller degrades.</param>
/// <param name="Result">The call's result when it succeeded.</param>
/// <param name="Recovered">Whether this call, a probe, closed the breaker.</param>
/// <param name="BrokeWith">The failure, when it opened a closed breaker or failed a probe: once per outage, worth a log line.</param>
internal readonly record struct Guarded<T>(bool Ok, T? Result, bool Recovered, Exception? BrokeWith);

/// <summary>
/// Calls to a shared backend that may fail or hang (Redis, for the distributed cache and the fetch lock): each operation
/// bounded by a timeout, and behind a circuit breaker that leaves a failing backend alone for the break duration.
/// Failures are counted, never thrown (except the caller's own cancellation): the caller degrades instead.
/// </summary>
internal sealed class BackendGuard(TimeProvider time, TimeSpan timeout, TimeSpan breakDuration, CacheMetrics? metrics)
{
    private readonly CircuitBreaker _breaker = new(time, breakDuration);

    public TimeSpan BreakDuration => breakDuration;

    /// <summary>Gets whether calls currently go to the backend.</summary>
    public bool IsClosed => _breaker.IsClosed;

    /// <summary>Whether a call may go to the backend; <paramref name="probe"/> tells the caller it is the half-open probe.</summary>
    public bool TryEnter(out bool probe) => _breaker.TryEnter(out probe);

    /// <summary>Runs one call entered with <see cref="TryEnter"/>; a failure or timeout opens the breaker.</summary>
    public async ValueTask<Guarded<T>> RunAsync<TState, T>(bool probe, TState state, Func<TState, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            T result = await action(state, cancellationToken).ConfigureAwait(false);
            return new Guarded<T>(true, result, _breaker.OnSuccess(probe), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any backend failure (connection errors, timeouts, socket errors) must degrade, not fail the read.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            metrics?.DistributedFailures.Add(1);
            bool broke = _breaker.OnFailure() || probe;
            return new Guarded<T>(false, default, false, broke ? ex : null);
        }
    }

    /// <summary>Bounds one backend operation by the timeout; a completed one passes through untouched.</summary>
    public Task<T> WithTimeout<T>(Task<T> task, CancellationToken cancellationToken) =>
        task.IsCompleted ? task : WaitAsync(task, cancellationToken);

    /// <inheritdoc cref="WithTimeout{T}(Task{T}, CancellationToken)"/>
    public Task WithTimeout(Task task, CancellationToken cancellationToken) =>
        task.IsCompleted ? task : WaitAsync(task, cancellationToken);

    private async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        try
        {
            return await task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException || cancellationToken.IsCancellationRequested)
        {
            AbandonedTask.ObserveFailure(task); // its failure was already counted as the timeout
            throw;
        }
    }

    private async Task WaitAsync(Task task, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException || cancellationToken.IsCancellationRequested)
        {
            AbandonedTask.ObserveFailure(task); // its failure was already counted as the timeout
            throw;
        }
    }
}
