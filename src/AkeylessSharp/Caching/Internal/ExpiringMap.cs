using System.Collections.Concurrent;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// A concurrent map from strings to values whose entries end at a <see cref="TimeProvider"/> timestamp. Reads allocate nothing;
/// expired entries are dropped when read and by an occasional sweep on write, so the map never scans on a read.
/// </summary>
/// <remarks>
/// An entry is a struct held inside the dictionary's own node, not an object of its own: 24 bytes less per entry and
/// one memory access less per read. A value wider than a pointer is never written in place (the dictionary swaps in a
/// new node), so a reader never sees a value with another entry's expiry.
/// </remarks>
internal sealed class ExpiringMap<TValue>
    where TValue : notnull
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    // The default comparer (not StringComparer.Ordinal) keeps the runtime's fast non-randomized string hashing.
    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly TimeProvider _time;

    // On the system clock, timestamps are the coarse millisecond tick count: a few nanoseconds to read on every hit,
    // where the precise timestamp (clock_gettime) costs about 20. Entries live minutes; a few milliseconds late is nothing.
    private readonly bool _coarse;
    private long _nextSweep;

    public ExpiringMap(TimeProvider timeProvider)
    {
        _time = timeProvider;
        _coarse = ReferenceEquals(timeProvider, TimeProvider.System);
        _nextSweep = After(SweepInterval);
    }

    public int Count => _entries.Count;

    public long Now => _coarse ? Environment.TickCount64 : _time.GetTimestamp();

    /// <summary>The timestamp <paramref name="duration"/> from now, saturating instead of overflowing.</summary>
    public long After(TimeSpan duration) => Add(Now, duration);

    public long Add(long timestamp, TimeSpan duration)
    {
        if (!_coarse)
        {
            return Timestamps.Add(_time, timestamp, duration);
        }

        double delta = duration.TotalMilliseconds;
        return delta >= long.MaxValue - timestamp ? long.MaxValue : timestamp + (long)delta;
    }

    /// <summary>The time between two of this map's timestamps.</summary>
    public TimeSpan Elapsed(long from, long to) => _coarse ? TimeSpan.FromMilliseconds(to - from) : _time.GetElapsedTime(from, to);

    public bool TryGet(string key, out TValue value) => TryGet(key, Now, out value);

    public bool TryGet(string key, long now, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (now < entry.ExpiresAt)
            {
                value = entry.Value;
                return true;
            }

            // Remove only this entry: a concurrent writer may already have replaced it with a fresh one.
            _entries.TryRemove(KeyValuePair.Create(key, entry));
        }

        value = default!;
        return false;
    }

    public void Set(string key, TValue value, long expiresAt)
    {
        _entries[key] = new Entry(value, expiresAt);
        SweepIfDue();
    }

    public bool Remove(string key) => _entries.TryRemove(key, out _);

    /// <summary>Removes <paramref name="key"/> and every key that starts with it followed by <paramref name="separator"/>.</summary>
    public void RemoveWithVariants(string key, char separator)
    {
        _entries.TryRemove(key, out _);
        foreach (var pair in _entries)
        {
            if (pair.Key.Length > key.Length && pair.Key[key.Length] == separator && pair.Key.StartsWith(key, StringComparison.Ordinal))
            {
                _entries.TryRemove(pair);
            }
        }
    }

    /// <summary>Removes every key that starts with <paramref name="key"/> followed by <paramref name="separator"/>, and returns them.</summary>
    public List<string> RemoveVariants(string key, char separator)
    {
        var removed = new List<string>();
        foreach (var pair in _entries)
        {
            if (pair.Key.Length > key.Length && pair.Key[key.Length] == separator && pair.Key.StartsWith(key, StringComparison.Ordinal) && _entries.TryRemove(pair))
            {
                removed.Add(pair.Key);
            }
        }

        return removed;
    }

    public void Clear() => _entries.Clear();

    private void SweepIfDue()
    {
        long now = Now;
        long due = Volatile.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, Add(now, SweepInterval), due) != due)
        {
            return;
        }

        foreach (var pair in _entries)
        {
            if (now >= pair.Value.ExpiresAt)
            {
                _entries.TryRemove(pair);
            }
        }
    }

    private readonly struct Entry(TValue value, long expiresAt) : IEquatable<Entry>
    {
        public TValue Value { get; } = value;

        public long ExpiresAt { get; } = expiresAt;

        // Used by TryRemove(pair): removes the entry only if no writer replaced it since it was read.
        public bool Equals(Entry other) => ExpiresAt == other.ExpiresAt && EqualityComparer<TValue>.Default.Equals(Value, other.Value);

        public override bool Equals(object? obj) => obj is Entry other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(Value, ExpiresAt);
    }
}
