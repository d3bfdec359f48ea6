using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AkeylessSharp.Caching;
using AkeylessSharp.Errors.Internal;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.StackExchangeRedis.Internal;

/// <summary>
/// The pub/sub channel on which fetch-lock holders announce their releases, the message being the key. Each connection
/// subscribes to a channel once, whatever the number of locks, keys and waiters, and hands each message to the readers
/// waiting on its key in this process.
/// </summary>
internal sealed class LockReleaseChannel
{
    private static readonly ConditionalWeakTable<IConnectionMultiplexer, ConcurrentDictionary<string, LockReleaseChannel>> ByConnection = new();

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Watch> _watches = new(StringComparer.Ordinal);
    private readonly ISubscriber _subscriber;
    private readonly RedisChannel _channel;
    private Task? _subscribed;
    private int _subscriptions;

    private LockReleaseChannel(IConnectionMultiplexer connection, string name)
    {
        _subscriber = connection.GetSubscriber();
        _channel = RedisChannel.Literal(name);
    }

    /// <summary>Gets how many readers are listening; for tests.</summary>
    internal int WatchCount
    {
        get
        {
            lock (_gate)
            {
                int count = 0;
                foreach (var head in _watches.Values)
                {
                    for (var watch = head; watch is not null; watch = watch.Next)
                    {
                        count++;
                    }
                }

                return count;
            }
        }
    }

    /// <summary>Gets how many times this channel was subscribed on its connection; for tests.</summary>
    internal int Subscriptions => Volatile.Read(ref _subscriptions);

    /// <summary>The channel of <paramref name="name"/> on <paramref name="connection"/>, shared by every lock that uses them.</summary>
    public static LockReleaseChannel For(IConnectionMultiplexer connection, string name) =>
        ByConnection.GetValue(connection, static _ => new ConcurrentDictionary<string, LockReleaseChannel>(StringComparer.Ordinal))
            .GetOrAdd(name, static (channel, connection) => new LockReleaseChannel(connection, channel), connection);

    /// <summary>Registers a reader for the next release of <paramref name="key"/>, then makes sure the channel is subscribed.</summary>
    public ValueTask<ISecretFetchLockWatch?> WatchAsync(string key, CancellationToken cancellationToken)
    {
        var watch = new Watch(this, key);
        lock (_gate)
        {
            watch.Next = _watches.GetValueOrDefault(key);
            _watches[key] = watch;
        }

        var subscribed = EnsureSubscribed();
        return subscribed.IsCompletedSuccessfully ? new(watch) : AwaitSubscribedAsync(watch, subscribed, cancellationToken);
    }

    /// <summary>Subscribes ahead of the first watch; a failure is left for the first watch to retry and report.</summary>
    public void Listen() => AbandonedTask.ObserveFailure(EnsureSubscribed());

    /// <summary>Tells every instance's readers that <paramref name="key"/>'s lock was released; a lost message costs them a fallback poll.</summary>
    public Task PublishAsync(string key) => _subscriber.PublishAsync(_channel, key, CommandFlags.FireAndForget);

    private static async ValueTask<ISecretFetchLockWatch?> AwaitSubscribedAsync(Watch watch, Task subscribed, CancellationToken cancellationToken)
    {
        try
        {
            await subscribed.WaitAsync(cancellationToken).ConfigureAwait(false);
            return watch;
        }
        catch
        {
            watch.Dispose();
            throw;
        }
    }

    private Task EnsureSubscribed()
    {
        lock (_gate)
        {
            // A failed subscription is not kept: the next watch subscribes again. StackExchange.Redis resubscribes after reconnecting.
            if (_subscribed is null || _subscribed.IsFaulted || _subscribed.IsCanceled)
            {
                _subscribed = _subscriber.SubscribeAsync(_channel, OnReleased);
                Interlocked.Increment(ref _subscriptions);
            }

            return _subscribed;
        }
    }

    private void OnReleased(RedisChannel channel, RedisValue message)
    {
        Watch? woken;
        lock (_gate)
        {
            if (!_watches.Remove((string)message!, out woken))
            {
                return;
            }
        }

        for (var watch = woken; watch is not null; watch = watch.Next)
        {
            watch.TrySetResult();
        }
    }

    private void Remove(Watch watch)
    {
        lock (_gate)
        {
            if (!_watches.TryGetValue(watch.Key, out var head))
            {
                return;
            }

            if (head == watch)
            {
                if (watch.Next is null)
                {
                    _watches.Remove(watch.Key);
                }
                else
                {
                    _watches[watch.Key] = watch.Next;
                }

                return;
            }

            for (var previous = head; previous.Next is not null; previous = previous.Next)
            {
                if (previous.Next == watch)
                {
                    previous.Next = watch.Next;
                    return;
                }
            }
        }
    }

    /// <summary>One reader listening for one key's release: its own task, and a link to the next reader of the key.</summary>
    private sealed class Watch(LockReleaseChannel channel, string key)
        : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), ISecretFetchLockWatch
    {
        public string Key => key;

        /// <summary>The next reader of the same key; guarded by the channel's lock.</summary>
        public Watch? Next { get; set; }

        public Task Released => Task;

        public void Dispose() => channel.Remove(this);
    }
}
