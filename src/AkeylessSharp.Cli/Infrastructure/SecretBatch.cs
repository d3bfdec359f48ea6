namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>
/// Reads static secrets in one request. The service answers a batch with one 404 for the first missing name; on that
/// answer each path is read alone, so the error names every missing path, not just one (or none).
/// </summary>
internal static class SecretBatch
{
    private const int ProbeConcurrency = 8;

    /// <exception cref="CliNotFoundException">One or more paths do not exist; the message names all of them.</exception>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(IAkeylessClient client, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetSecretsAsync(paths, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (AkeylessNotFoundException) when (paths.Count > 1)
        {
            var missing = await FindMissingAsync(client, paths, cancellationToken).ConfigureAwait(false);
            if (missing.Count == 0)
            {
                throw;
            }

            throw CliNotFoundException.ForPaths(missing);
        }
    }

    private static async Task<List<string>> FindMissingAsync(IAkeylessClient client, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var distinct = paths.Distinct(StringComparer.Ordinal).ToList();
        var found = new bool[distinct.Count];
        await Parallel.ForAsync(0, distinct.Count, new ParallelOptions { MaxDegreeOfParallelism = ProbeConcurrency, CancellationToken = cancellationToken }, async (i, ct) =>
            found[i] = await client.TryGetSecretAsync(distinct[i], cancellationToken: ct).ConfigureAwait(false) is not null).ConfigureAwait(false);
        return [.. distinct.Where((_, i) => !found[i])];
    }
}
