using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Caching.Internal;

internal sealed partial class SecretBatcher
{
    /// <summary>
    /// Sends <paramref name="names"/> and completes each one's task. Akeyless fails a whole multi-name request when one
    /// name is missing, so a not-found splits the names in halves until the missing ones are alone: one bad path costs
    /// about 2·log2(n) extra requests and only its own callers see the not-found.
    /// </summary>
    private async Task ExecuteAsync(Batch batch, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        try
        {
            _metrics?.Batches.Record(names.Count);
            var values = await _fetch(names, cancellationToken).ConfigureAwait(false);
            foreach (string name in names)
            {
                if (values.TryGetValue(name, out string? value))
                {
                    batch.Complete(name, value);
                }
                else
                {
                    batch.Fail(name, new AkeylessNotFoundException("Akeyless returned no value for the requested path.", "get-secret-value", name));
                }
            }
        }
        catch (AkeylessNotFoundException) when (names.Count > 1)
        {
            Log.BatchSplit(_logger, names.Count);
            int half = names.Count / 2;
            await Task.WhenAll(
                ExecuteAsync(batch, names.Take(half).ToArray(), cancellationToken),
                ExecuteAsync(batch, names.Skip(half).ToArray(), cancellationToken)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every failure is handed to the callers of the batch, who each decide (stale-if-error, rethrow).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (string name in names)
            {
                batch.Fail(name, ex);
            }
        }
    }

    /// <summary>The names of one request and their callers' tasks. Filled under the batcher's lock, read after dispatch.</summary>
    private sealed class Batch(SecretBatcher owner)
    {
        private readonly Dictionary<string, TaskCompletionSource<string>> _pending = new(StringComparer.Ordinal);
        private readonly List<string> _names = [];

        public SecretBatcher Owner { get; } = owner;

        public ITimer? Timer { get; set; }

        /// <summary>Whether its window has ended and it waits, still open, for the client's token (set under the lock).</summary>
        public bool AwaitingToken { get; set; }

        public int Count => _names.Count;

        public IReadOnlyList<string> Names => _names;

        public Task<string> Add(string name)
        {
            if (!_pending.TryGetValue(name, out var completion))
            {
                completion = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending.Add(name, completion);
                _names.Add(name);
            }

            return completion.Task;
        }

        public void Complete(string name, string value) => _pending[name].TrySetResult(value);

        public void Fail(string name, Exception exception)
        {
            var completion = _pending[name];
            if (completion.TrySetException(exception))
            {
                // Observed here: every caller of this name may have left (cancelled, timed out), and a batch failing
                // after that must not come back as an unobserved task exception.
                _ = completion.Task.Exception;
            }
        }
    }
}
