using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// Micro-batching of static secret reads: names asked for within one window (or until the batch is full) go out as
/// one <c>get-secret-value</c> request. The window is measured on the <see cref="TimeProvider"/>, so tests drive it.
/// </summary>
/// <remarks>
/// A batch whose window ends while the client is still authenticating keeps taking names until the token is in hand:
/// its request could not leave earlier, so a cold start's first batch fills instead of leaving its late names to a
/// second request. A batch is never cancelled by a caller: it serves many. Failures are handled in <see cref="ExecuteAsync"/>: a
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
    private readonly Func<Task?>? _whenSendable;
    private readonly Lock _gate = new();
    private Batch? _open;
    private bool _sealed;

    public SecretBatcher(
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, string>>> fetch,
        TimeProvider timeProvider,
        TimeSpan window,
        int maxBatchSize,
        ILogger logger,
        CacheMetrics? metrics,
        Func<Task?>? whenSendable = null)
    {
        _fetch = fetch;
        _time = timeProvider;
        _window = window;
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _metrics = metrics;
        _whenSendable = whenSendable;
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
                _open = null;
                full = batch.AwaitingToken ? null : batch;
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

        if (batch is { AwaitingToken: false })
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
        var token = _whenSendable?.Invoke();
        bool sendNow = token is null || token.IsCompleted;
        lock (_gate)
        {
            if (!ReferenceEquals(_open, batch))
            {
                return; // already sent because it filled up or was flushed
            }

            if (sendNow)
            {
                _open = null;
            }
            else
            {
                batch.AwaitingToken = true;
            }
        }

        if (sendNow)
        {
            Dispatch(batch);
        }
        else
        {
            _ = SendWithTokenAsync(batch, token!);
        }
    }

    /// <summary>Closes a batch once the token is in hand, then sends it; a failed authentication fails its names.</summary>
    private async Task SendWithTokenAsync(Batch batch, Task token)
    {
        batch.Timer?.Dispose();
        await token.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_gate)
        {
            if (ReferenceEquals(_open, batch))
            {
                _open = null;
            }
        }

        if (token.Exception?.InnerException is { } failure)
        {
            // The exception every caller waiting for this authentication sees; fetching would only authenticate again.
            foreach (string name in batch.Names)
            {
                batch.Fail(name, failure);
            }

            return;
        }

        await ExecuteAsync(batch, batch.Names, CancellationToken.None).ConfigureAwait(false);
    }

    private void Dispatch(Batch batch)
    {
        batch.Timer?.Dispose();

        // Off the caller's thread: the caller that filled the batch should not pay for serialising the request.
        _ = Task.Run(() => ExecuteAsync(batch, batch.Names, CancellationToken.None));
    }
}
