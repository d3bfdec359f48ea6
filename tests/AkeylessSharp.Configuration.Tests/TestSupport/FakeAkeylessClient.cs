using System.Net;
using System.Runtime.CompilerServices;

namespace AkeylessSharp.Configuration.Tests.TestSupport;

/// <summary>
/// An in-memory <see cref="IAkeylessClient"/> for unit tests of the provider: static secrets with versions and tags,
/// request counters, and injectable failures. Only the members the provider uses are implemented.
/// </summary>
internal sealed class FakeAkeylessClient : IAkeylessClient
{
    private readonly object _lock = new();
    private readonly SortedDictionary<string, (string Value, int Version, string[] Tags)> _items = new(StringComparer.Ordinal);
    private readonly Queue<Exception> _failures = new();

    public int ListRequests { get; private set; }

    public int GetSecretsRequests { get; private set; }

    public int TryGetRequests { get; private set; }

    public List<int> BatchSizes { get; } = [];

    /// <summary>When true, GetSecretsAsync reports a missing name without saying which (exercises the fallback).</summary>
    public bool NotFoundWithoutPath { get; set; }

    /// <summary>Runs after each listing, as a concurrent writer would.</summary>
    public Action<FakeAkeylessClient>? OnListed { get; set; }

    public FakeAkeylessClient Set(string path, string value, params string[] tags)
    {
        lock (_lock)
        {
            var version = _items.TryGetValue(path, out var old) ? old.Version + 1 : 1;
            _items[path] = (value, version, tags);
        }

        return this;
    }

    public void Delete(string path)
    {
        lock (_lock)
        {
            _items.Remove(path);
        }
    }

    public void FailNext(Exception exception, int count = 1)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue(exception);
            }
        }
    }

    public void ResetCounters()
    {
        ListRequests = GetSecretsRequests = TryGetRequests = 0;
        BatchSizes.Clear();
    }

    public async IAsyncEnumerable<AkeylessItem> ListItemsAsync(string path = "/", ListItemsOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        List<AkeylessItem> items;
        lock (_lock)
        {
            ListRequests++;
            ThrowQueued();
            var prefix = path.TrimEnd('/') + "/";
            items = _items.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(p => new AkeylessItem { Name = p.Key, Type = AkeylessItemType.StaticSecret, LastVersion = p.Value.Version, Tags = p.Value.Tags })
                .ToList();
        }

        foreach (var item in items)
        {
            yield return item;
        }

        OnListed?.Invoke(this);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetSecretsAsync(IEnumerable<string> paths, SecretRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        lock (_lock)
        {
            GetSecretsRequests++;
            var list = paths.ToList();
            BatchSizes.Add(list.Count);
            ThrowQueued();
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var path in list)
            {
                if (!_items.TryGetValue(path, out var item))
                {
                    throw new AkeylessNotFoundException("Item not found.", "get-secret-value", NotFoundWithoutPath ? null : path);
                }

                result[path] = item.Value;
            }

            return result;
        }
    }

    public async ValueTask<string?> TryGetSecretAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        lock (_lock)
        {
            TryGetRequests++;
            ThrowQueued();
            return _items.TryGetValue(path, out var item) ? item.Value : null;
        }
    }

    public async ValueTask<string> GetSecretAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        await TryGetSecretAsync(path, options, cancellationToken) ?? throw new AkeylessNotFoundException("Item not found.", "get-secret-value", path);

    private void ThrowQueued()
    {
        if (_failures.Count > 0)
        {
            throw _failures.Dequeue();
        }
    }

    public static AkeylessException Unavailable() => new("Service unavailable.", HttpStatusCode.ServiceUnavailable, "get-secret-value");

    public Task<DynamicSecret> GetDynamicSecretAsync(string path, DynamicSecretRequestOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<RotatedSecret> GetRotatedSecretAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SecretValue> GetAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task CreateSecretAsync(string path, string value, CreateSecretOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task UpdateSecretValueAsync(string path, string value, bool keepPreviousVersion = true, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task UpsertSecretAsync(string path, string value, CreateSecretOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task DeleteItemAsync(string path, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AkeylessItem> DescribeItemAsync(string path, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> ListSecretsAsync(string path, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> ListSubfoldersAsync(string path, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AkeylessPermissions> GetPermissionsAsync(string path, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string> GetSshCertificateAsync(string issuer, string username, string publicKey, TimeSpan? ttl = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
