using System.Collections.Concurrent;
using AkeylessSharp;
using AkeylessSharp.Auth;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection.Internal;

/// <summary>
/// Builds one <see cref="AkeylessClient"/> per name, lazily, over the named HTTP client (with its resilience handler)
/// and keeps it: each client holds a token, so clients must live as long as the container.
/// </summary>
internal sealed class AkeylessClientFactory(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<HttpClientFactoryOptions> httpClientOptions,
    IOptionsMonitor<AkeylessClientOptions> options,
    IEnumerable<ICloudIdProvider> cloudIdProviders,
    IEnumerable<AkeylessClientRegistration> registrations,
    ILoggerFactory? loggerFactory = null,
    TimeProvider? timeProvider = null) : IAkeylessClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<AkeylessClient>> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AkeylessClientOptions> _built = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _registered = new(registrations.Select(static r => r.Name), StringComparer.Ordinal);

    public IAkeylessClient CreateClient(string name) => Get(name);

    public AkeylessClient Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_registered.Contains(name))
        {
            // Named options alone would build a client on a plain HTTP client: no retries, attempt timeout or size limit.
            throw new AkeylessConfigurationException(
                $"No Akeyless client is registered under the name {AkeylessSharp.Errors.Internal.Quote.Of(name)}. Register it with services.AddAkeyless(\"{name}\", ...); configuring AkeylessClientOptions under a name does not register a client. Registered: {string.Join(", ", _registered.Select(static n => AkeylessSharp.Errors.Internal.Quote.Of(n)))}.",
                nameof(name));
        }

        var client = _clients.GetOrAdd(name, n => new Lazy<AkeylessClient>(() => Create(n)));
        try
        {
            return client.Value;
        }
        catch
        {
            // A Lazy keeps its failure: without this, options corrected and reloaded would never build the client.
            _clients.TryRemove(new KeyValuePair<string, Lazy<AkeylessClient>>(name, client));
            throw;
        }
    }

    /// <summary>
    /// The options the client named <paramref name="name"/> was built with, for its HTTP pipeline (retries, timeouts, size
    /// limit, TLS), so a configuration reload changes neither, as it changes none of the client's own settings; the configured
    /// options until that client is built.
    /// </summary>
    public AkeylessClientOptions OptionsOf(string name) => _built.TryGetValue(name, out var built) ? built : options.Get(name);

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }
    }

    private AkeylessClient Create(string name)
    {
        AkeylessClientOptions clientOptions;
        try
        {
            clientOptions = options.Get(name);
        }
        catch (OptionsValidationException ex)
        {
            // The validators' own messages (field and fix, never a value), under the library's exception type.
            throw new AkeylessConfigurationException(
                $"The options of the Akeyless client {(name.Length == 0 ? "registered without a name" : AkeylessSharp.Errors.Internal.Quote.Of(name))} are invalid: {string.Join(" ", ex.Failures)}",
                innerException: ex);
        }

        var httpClientName = AkeylessServiceCollectionExtensions.HttpClientName(name);

        // Handler rotation runs on real time, whatever clock the client is given.
        var http = new FactoryHttpClient(httpClientFactory, httpClientName, httpClientOptions.Get(httpClientName).HandlerLifetime, TimeProvider.System);
        var client = new AkeylessClient(http.Get, clientOptions, loggerFactory, timeProvider, cloudIdProviders);

        // Before its first request builds the pipeline (http.Get is lazy).
        _built[name] = client.Options;
        return client;
    }
}
