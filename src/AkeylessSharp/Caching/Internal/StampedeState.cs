namespace AkeylessSharp.Caching.Internal;

/// <summary>The identity of a shared fetch: refreshing reads share only with other refreshing reads.</summary>
internal readonly record struct StampedeKey(string Key, bool Refresh);

/// <summary>
/// One fetch shared by every concurrent caller of a key. Each caller waits with its own token; the shared work is
/// cancelled only when every caller has given up, so one caller's cancellation never fails the others.
/// </summary>
internal sealed class StampedeState(StampedeKey key)
{
    private readonly TaskCompletionSource<string> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _shared = new();
    private int _callers = 1;
    private volatile bool _superseded;

    public StampedeKey Key { get; } = key;

    /// <summary>The token of the shared work.</summary>
    public CancellationToken Token => _shared.Token;

    public Task<string> Task => _result.Task;

    /// <summary>
    /// Whether a write through the client, or a refresh of the key, came while this fetch ran: its value may predate it,
    /// so it answers the callers that came before and is not kept.
    /// </summary>
    public bool Superseded => _superseded;

    /// <summary>Marks the fetch as predating a write or refresh; set before the write evicts (or the refresh stores) so the fetch's own store sees it.</summary>
    public void Supersede() => _superseded = true;

    /// <summary>Joins as one more caller; fails when every previous caller has already given up.</summary>
    public bool TryAddCaller()
    {
        int callers = Volatile.Read(ref _callers);
        while (callers > 0)
        {
            int seen = Interlocked.CompareExchange(ref _callers, callers + 1, callers);
            if (seen == callers)
            {
                return true;
            }

            callers = seen;
        }

        return false;
    }

    public ValueTask<string> JoinAsync(CancellationToken cancellationToken) =>
        !cancellationToken.CanBeCanceled || _result.Task.IsCompleted
            ? new ValueTask<string>(_result.Task)
            : new ValueTask<string>(WaitAsync(cancellationToken));

    public void SetResult(string value) => _result.TrySetResult(value);

    public void SetException(Exception exception) => _result.TrySetException(exception);

    public void SetCanceled() => _result.TrySetCanceled(_shared.Token);

    /// <summary>Releases the shared token once the work is over.</summary>
    public void Complete() => _shared.Dispose();

    private async Task<string> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _result.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !_result.Task.IsCompleted)
        {
            if (Interlocked.Decrement(ref _callers) == 0)
            {
                try
                {
                    _shared.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The work finished at the same moment; nothing left to cancel.
                }
            }

            throw;
        }
    }
}
