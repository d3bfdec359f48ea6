using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// Micro-batching of static secret reads: names asked for within one window (or until the batch is full) go out as
/// one <c>get-secret-value</c> request. The window is measured on the <see cref="TimeProvider"/>, so tests drive it.
/// </summary>
/// <remarks>
/// A batch is never cancelled by a caller: it serves many. Failures are handled in <see cref="ExecuteAsync"/>: a
/// not-found is narrowed down to the names that caused it, anything else fails every name of the batch.
/// </remarks>
internal sealed partial class SecretBatcher
{
    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, string>>> _fetch;
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly CacheMetrics? _metrics;
    private readonly Lock _gate = new();
    private Batch? _open;
    private bool _sealed;

    public SecretBatcher(
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, string>>> fetch,
        TimeProvider timeProvider,
        TimeSpan window,
        int maxBatchSize,
        ILogger logger,
        CacheMetrics? metrics)
    {
        _fetch = fetch;
        _time = timeProvider;
        _window = window;
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Adds <paramref name="name"/> to the open batch and returns its value once the batch is answered.</summary>
    public Task<string> EnqueueAsync(string name)
    {
        Batch? full = null;
        Task<string> result;
        lock (_gate)
        {
            var batch = _open ??= Open();
            result = batch.Add(name);
            if (batch.Count >= _maxBatchSize || _sealed)
            {
                full = batch;
                _open = null;
            }
        }

        if (full is not null)
        {
            Dispatch(full);
        }

        return result;
    }

    /// <summary>Sends the open batch now instead of at the end of its window.</summary>
    public void Flush()
    {
        Batch? batch;
        lock (_gate)
        {
            batch = _open;
            _open = null;
        }

        if (batch is not null)
        {
            Dispatch(batch);
        }
    }

    /// <summary>
    /// Sends the open batch and, from now on, every name as soon as it comes: for a batcher that serves one bulk read,
    /// whose late misses have no one to wait for.
    /// </summary>
    public void Seal()
    {
        lock (_gate)
        {
            _sealed = true;
        }

        Flush();
    }

    /// <summary>Reads one name on its own, with the same not-found handling as a batch.</summary>
    public Task<string> FetchOneAsync(string name, CancellationToken cancellationToken)
    {
        var batch = new Batch(this);
        var result = batch.Add(name);
        _ = ExecuteAsync(batch, batch.Names, cancellationToken);
        return result;
    }

    // Called under the lock.
    private Batch Open()
    {
        var batch = new Batch(this);
        if (_window == Timeout.InfiniteTimeSpan || _sealed)
        {
            return batch; // sent by Flush, Seal or when full
        }

        if (_window > TimeSpan.Zero)
        {
            batch.Timer = _time.CreateTimer(static state => ((Batch)state!).Owner.OnWindowElapsed((Batch)state!), batch, _window, Timeout.InfiniteTimeSpan);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(static batch => batch.Owner.OnWindowElapsed(batch), batch, preferLocal: false);
        }

        return batch;
    }

    private void OnWindowElapsed(Batch batch)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_open, batch))
            {
                return; // already sent because it filled up or was flushed
            }

            _open = null;
        }

        Dispatch(batch);
    }

    private void Dispatch(Batch batch)
    {
        batch.Timer?.Dispose();

        // Off the caller's thread: the caller that filled the batch should not pay for serialising the request.
        _ = Task.Run(() => ExecuteAsync(batch, batch.Names, CancellationToken.None));
    }
}
