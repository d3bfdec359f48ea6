namespace AkeylessSharp.Aspire.Hosting.Internal;

/// <summary>
/// The one client the app host uses to talk to a resource (health check, secret references), built on first use from
/// the resource's connection string.
/// </summary>
internal sealed class ResourceClients : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AkeylessClient? _client;

    public async ValueTask<IAkeylessClient> GetAsync(AkeylessResource resource, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _client) is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is null)
            {
                var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new AkeylessConfigurationException($"The Akeyless resource '{resource.Name}' has no connection string; set its parameters or call RunAsEmulator().", resource.Name);
                Volatile.Write(ref _client, new AkeylessClient(AkeylessClientOptions.FromConnectionString(connectionString)));
            }

            return _client!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        _gate.Dispose();
    }
}
