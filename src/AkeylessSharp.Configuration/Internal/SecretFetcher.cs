using System.Collections.Concurrent;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// Reads the values of the selected secrets: those whose listed identity (version, item id, modification date) is unchanged are reused from the last load,
/// the rest are read in ⌈N / batch size⌉ <c>get-secret-value</c> requests carrying many names each, a few at a time.
/// </summary>
internal sealed class SecretFetcher
{
    private static readonly SecretRequestOptions s_fresh = new() { Refresh = true };

    private readonly IAkeylessClient _client;
    private readonly int _batchSize;
    private readonly int _concurrency;

    public SecretFetcher(IAkeylessClient client, int batchSize, int concurrency)
    {
        _client = client;
        _batchSize = batchSize;
        _concurrency = concurrency;
    }

    /// <summary>What one fetch read; <c>Rejected</c> holds names from references or explicit paths that Akeyless refuses as names.</summary>
    public sealed record Result(LoadState State, int Fetched, int Reused, int Requests, IReadOnlyCollection<string> Missing, IReadOnlyCollection<string> Rejected);

    public async Task<Result> FetchAsync(IReadOnlyList<SecretEntry> entries, LoadState previous, CancellationToken cancellationToken)
    {
        // Sized for the whole selection, and filled under a lock once per batch: no resizing, no concurrent map to copy.
        var values = new Dictionary<string, string>(entries.Count, StringComparer.Ordinal);
        var identities = new Dictionary<string, ItemIdentity>(entries.Count, StringComparer.Ordinal);
        var seen = new HashSet<string>(entries.Count, StringComparer.Ordinal);
        var toFetch = new List<string>();
        var reused = 0;

        foreach (var entry in entries)
        {
            if (entry.Identity.IsListed)
            {
                identities[entry.Path] = entry.Identity;
            }
        }

        foreach (var entry in entries)
        {
            var path = entry.Path;
            if (!seen.Add(path))
            {
                continue;
            }

            if (identities.TryGetValue(path, out var identity) && previous.TryReuse(path, identity, out var value))
            {
                values[path] = value;
                reused++;
            }
            else
            {
                toFetch.Add(path);
            }
        }

        var missing = new ConcurrentBag<string>();
        var rejected = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            toFetch.Chunk(_batchSize),
            new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                var found = await FetchBatchAsync(chunk, identities, missing, rejected, ct).ConfigureAwait(false);
                lock (values)
                {
                    foreach (var (path, value) in found)
                    {
                        values[path] = value;
                    }
                }
            }).ConfigureAwait(false);

        return new Result(new LoadState(values, identities), toFetch.Count - missing.Count - rejected.Count, reused, (toFetch.Count + _batchSize - 1) / _batchSize, missing, rejected);
    }

    private async Task<List<KeyValuePair<string, string>>> FetchBatchAsync(
        string[] chunk, IReadOnlyDictionary<string, ItemIdentity> listed, ConcurrentBag<string> missing, ConcurrentBag<string> rejected, CancellationToken cancellationToken)
    {
        var values = new List<KeyValuePair<string, string>>(chunk.Length);
        var remaining = chunk.ToList();
        while (remaining.Count > 0)
        {
            try
            {
                var got = await _client.GetSecretsAsync(remaining, s_fresh, cancellationToken).ConfigureAwait(false);
                foreach (var path in remaining)
                {
                    if (got.TryGetValue(path, out var value))
                    {
                        values.Add(new(path, value));
                    }
                    else
                    {
                        missing.Add(path);
                    }
                }

                return values;
            }
            catch (AkeylessNotFoundException ex) when (ex.Path is { } gone && remaining.Remove(gone))
            {
                // Deleted between listing and reading (or an explicit path that does not exist): absent, not an error.
                missing.Add(gone);
            }
            catch (AkeylessNotFoundException)
            {
                // The service did not say which name is missing: fall back to one read per name for this batch only.
                await ReadOneByOneAsync(remaining, listed, values, missing, rejected, cancellationToken).ConfigureAwait(false);
                return values;
            }
            catch (AkeylessBadRequestException) when (remaining.Count > 1 && remaining.Any(path => !listed.ContainsKey(path)))
            {
                // One invalid name from a reference or an explicit path fails the whole request: isolate it.
                await ReadOneByOneAsync(remaining, listed, values, missing, rejected, cancellationToken).ConfigureAwait(false);
                return values;
            }
            catch (AkeylessBadRequestException) when (remaining.Count == 1 && !listed.ContainsKey(remaining[0]))
            {
                rejected.Add(remaining[0]);
                return values;
            }
        }

        return values;
    }

    private async Task ReadOneByOneAsync(
        List<string> paths, IReadOnlyDictionary<string, ItemIdentity> listed, List<KeyValuePair<string, string>> values, ConcurrentBag<string> missing, ConcurrentBag<string> rejected, CancellationToken cancellationToken)
    {
        foreach (var path in paths)
        {
            try
            {
                var value = await _client.TryGetSecretAsync(path, s_fresh, cancellationToken).ConfigureAwait(false);
                if (value is null)
                {
                    missing.Add(path);
                }
                else
                {
                    values.Add(new(path, value));
                }
            }
            catch (AkeylessBadRequestException) when (!listed.ContainsKey(path))
            {
                // A listed name came from the service, so its rejection is not about the name: that one still fails the load.
                rejected.Add(path);
            }
        }
    }
}
