using System.Collections.Concurrent;

namespace AkeylessSharp.Internal;

/// <summary>
/// Values built once per string key and remembered, at most <c>capacity</c> of them; past that a value is built per
/// call, so keys a caller makes up (item paths, raw command names) cannot grow the memory without bound.
/// </summary>
/// <typeparam name="T">The value built from a key.</typeparam>
/// <param name="capacity">How many keys are remembered.</param>
/// <param name="build">Builds the value of a key.</param>
internal sealed class BoundedMemo<T>(int capacity, Func<string, T> build)
{
    // The default comparer (not StringComparer.Ordinal) keeps the runtime's fast non-randomized string hashing.
    private readonly ConcurrentDictionary<string, T> _values = new();
    private int _count;

    public T For(string key)
    {
        if (_values.TryGetValue(key, out T? value))
        {
            return value;
        }

        value = build(key);
        if (Volatile.Read(ref _count) < capacity && _values.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
        }

        return value;
    }
}
