using System.Diagnostics.CodeAnalysis;

namespace AkeylessSharp.Caching.Internal;

/// <summary>A cache lookup a bulk read started and did not wait for, handed on so that it is awaited, not repeated.</summary>
internal readonly record struct StartedLookup(string Key, ValueTask<string?> Lookup)
{
    /// <summary>Redacts the value: a completed <see cref="ValueTask{TResult}"/> prints its result.</summary>
    public override string ToString() => $"StartedLookup {{ Key = {Key}, Lookup = {(Lookup.IsCompleted ? "completed (value redacted)" : "pending")} }}";
}

internal sealed partial class CachingSecretReader
{
    /// <summary>
    /// Answers a bulk read of latest values from the cache alone when every path is a hit whose lookup completed at once:
    /// the result dictionary is all it allocates. Otherwise it returns <see langword="false"/> having counted nothing, and
    /// <paramref name="started"/> is the lookup it left in flight, if any, for
    /// <see cref="GetSecretsAsync(IEnumerable{string}, bool, StartedLookup?, CancellationToken)"/> to finish.
    /// </summary>
    public bool TryGetAllCached(IEnumerable<string> paths, CancellationToken cancellationToken, [NotNullWhen(true)] out Dictionary<string, string>? values, out StartedLookup? started)
    {
        ArgumentNullException.ThrowIfNull(paths);
        values = null;
        started = null;
        if (!_enabled)
        {
            return false;
        }

        var found = new Dictionary<string, string>(paths.TryGetNonEnumeratedCount(out int count) ? count : 0, StringComparer.Ordinal);
        if (paths is IList<string> list)
        {
            // Indexed: no enumerator to allocate.
            for (int i = 0; i < list.Count; i++)
            {
                if (!TryAddCached(found, list[i], cancellationToken, out started))
                {
                    return false;
                }
            }
        }
        else
        {
            foreach (string path in paths)
            {
                if (!TryAddCached(found, path, cancellationToken, out started))
                {
                    return false;
                }
            }
        }

        // Counted only now: a read that falls back to the general path counts its hits there.
        foreach (var (path, value) in found)
        {
            OnHit(path, SecretKind.Static, value);
        }

        values = found;
        return true;
    }

    private bool TryAddCached(Dictionary<string, string> found, string? path, CancellationToken cancellationToken, out StartedLookup? started)
    {
        started = null;
        if (path is null)
        {
            return false;
        }

        string? value;
        if (_memory is not null)
        {
            if (!_memory.TryGet(path, out value))
            {
                return false;
            }
        }
        else
        {
            var lookup = Lookup(path, cancellationToken);
            if (!lookup.IsCompletedSuccessfully)
            {
                started = new StartedLookup(path, lookup);
                return false;
            }

            value = lookup.Result;
            if (value is null)
            {
                return false;
            }
        }

        found[path] = value;
        return true;
    }
}
