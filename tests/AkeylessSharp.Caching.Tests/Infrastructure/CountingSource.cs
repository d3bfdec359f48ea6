using System.Collections.Concurrent;
using System.Net;

namespace AkeylessSharp.Caching.Tests.Infrastructure;

/// <summary>
/// A fake Akeyless for unit tests: a batch fetch over a dictionary that counts calls and names, can hold every call
/// at a gate, and fails like the service (a missing name fails the whole call with a not-found).
/// </summary>
public sealed class CountingSource
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IReadOnlyList<string>> _calls = new();
    private TaskCompletionSource? _gate;
    private int _failNext;
    private HttpStatusCode _failStatus;

    public CountingSource(IEnumerable<KeyValuePair<string, string>>? values = null)
    {
        foreach (var (key, value) in values ?? [])
        {
            _values[key] = value;
        }
    }

    public int Calls => _calls.Count;

    public IReadOnlyList<IReadOnlyList<string>> CallNames => _calls.ToArray();

    public static CountingSource WithPaths(int count, string prefix = "/app/secret-") =>
        new(Enumerable.Range(0, count).Select(i => KeyValuePair.Create($"{prefix}{i}", $"value-{i}")));

    public void Set(string path, string value) => _values[path] = value;

    public void Delete(string path) => _values.TryRemove(path, out _);

    /// <summary>Holds every call until <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate?.TrySetResult();

    /// <summary>Makes the next <paramref name="count"/> calls fail with <paramref name="status"/>.</summary>
    public void FailNext(int count, HttpStatusCode status)
    {
        _failStatus = status;
        Volatile.Write(ref _failNext, count);
    }

    public async Task<IReadOnlyDictionary<string, string>> FetchAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        _calls.Enqueue(names.ToArray());
        if (_gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        await Task.Yield();
        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            throw new AkeylessException("Injected failure.", _failStatus, "get-secret-value");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (!_values.TryGetValue(name, out string? value))
            {
                throw new AkeylessNotFoundException($"item {name} not found", "get-secret-value", name);
            }

            result[name] = value;
        }

        return result;
    }
}
