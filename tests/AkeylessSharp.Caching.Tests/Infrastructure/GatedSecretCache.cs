namespace AkeylessSharp.Caching.Tests.Infrastructure;

/// <summary>
/// A <see cref="MemorySecretCache"/> whose first store of one key waits until the test opens the gate: it holds a fetched
/// value between Akeyless's answer and the cache, where a write through the client can overtake it.
/// </summary>
public sealed class GatedSecretCache(TimeProvider time, string gatedKey) : ISecretCache
{
    private readonly MemorySecretCache _inner = new(time);
    private readonly TaskCompletionSource _storing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _gated;

    /// <summary>Completes when the gated store has begun and waits for <see cref="Open"/>.</summary>
    public Task Storing => _storing.Task;

    public void Open() => _gate.TrySetResult();

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default) => _inner.GetAsync(key, cancellationToken);

    public async ValueTask SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        if (key == gatedKey && Interlocked.Exchange(ref _gated, 1) == 0)
        {
            _storing.TrySetResult();
            await _gate.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        await _inner.SetAsync(key, value, ttl, cancellationToken);
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => _inner.RemoveAsync(key, cancellationToken);

    public ValueTask ClearAsync(CancellationToken cancellationToken = default) => _inner.ClearAsync(cancellationToken);
}
