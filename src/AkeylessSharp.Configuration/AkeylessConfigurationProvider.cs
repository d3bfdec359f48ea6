using AkeylessSharp.Configuration.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkeylessSharp.Configuration;

/// <summary>
/// Loads Akeyless secrets into configuration and, with a reload interval, keeps them current: each reload lists the
/// folders again, reads only the secrets whose version changed, and raises the change token when a value changed.
/// A failed reload keeps the last good values, logs the failure and records it in <see cref="LastError"/>.
/// </summary>
/// <remarks>Find it with <c>((IConfigurationRoot)configuration).Providers.OfType&lt;AkeylessConfigurationProvider&gt;()</c>.</remarks>
public sealed partial class AkeylessConfigurationProvider : ConfigurationProvider, IDisposable
{
    private readonly AkeylessConfigurationOptions _options;
    private readonly IAkeylessClient _client;
    private readonly bool _ownsClient;
    private readonly Func<AkeylessConfigurationProvider, IEnumerable<IConfigurationProvider>>? _referenceProviders;
    private readonly PrecedingSources? _referenceSources;
    private readonly Func<Microsoft.Extensions.Primitives.IChangeToken>? _configurationReloadToken;
    private readonly ILogger _logger;
    private readonly AirflowLayout _layout;
    private readonly SecretSelector _selector;
    private readonly SecretFetcher _fetcher;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _disposing = new();
    private LoadState _state = LoadState.Empty;
    private bool _loadedOnce;
    private bool _disposed;

    internal AkeylessConfigurationProvider(
        AkeylessConfigurationOptions options,
        IAkeylessClient client,
        bool ownsClient,
        Func<AkeylessConfigurationProvider, IEnumerable<IConfigurationProvider>>? referenceProviders,
        PrecedingSources? referenceSources,
        Func<Microsoft.Extensions.Primitives.IChangeToken>? configurationReloadToken,
        ConfigurationMetrics metrics)
    {
        _referenceSources = referenceSources;
        _configurationReloadToken = configurationReloadToken;
        _options = options;
        _client = client;
        _ownsClient = ownsClient;
        _referenceProviders = referenceProviders;
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("AkeylessSharp.Configuration");
        _layout = AirflowLayout.For(options);
        _selector = new SecretSelector(options, _layout, client);
        _fetcher = new SecretFetcher(client, options.BatchSize, options.MaxConcurrentRequests);
        Metrics = metrics;
        Metrics.Register(this, Source, () => DataAge);
    }

    /// <summary>The client the provider reads with (supplied, or created and owned).</summary>
    internal IAkeylessClient Client => _client;

    /// <summary>The failure of the last load or reload, or <see langword="null"/> when it succeeded. Never holds a secret value.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>When the last load or reload succeeded, by the configured clock.</summary>
    public DateTimeOffset? LastSuccessfulLoad { get; private set; }

    /// <summary>What the last successful load could not use (bad connections, missing references), as messages without values.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>
    /// Loads the secrets. The first call throws on failure unless the source is optional; later calls (such as
    /// <see cref="IConfigurationRoot.Reload"/>) keep the last good values on failure.
    /// </summary>
    /// <exception cref="AkeylessException">The first load failed (authentication, permission, availability) and the source is not optional.</exception>
    /// <exception cref="AkeylessConfigurationException">The first load found two secrets mapping to one key under <see cref="DuplicateKeyPolicy.Throw"/>, even when the source is optional.</exception>
    public override void Load()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // The configuration API is synchronous; run on the pool so no synchronization context can deadlock.
        if (_loadedOnce)
        {
            Task.Run(() => LoadCoreAsync(initial: false, _disposing.Token, reloadReferenceSources: true)).GetAwaiter().GetResult();
            return;
        }

        try
        {
            Task.Run(() => LoadCoreAsync(initial: true, _disposing.Token)).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (_options.Optional && ex is not OperationCanceledException && !IsDuplicateKey(ex))
        {
            Log.OptionalLoadFailed(_logger, ex);
            HideReferences();
        }
        catch
        {
            // The configuration builder drops a provider whose first load throws without disposing it: release the
            // client this provider created (its connections and token) before the failure leaves.
            Dispose();
            throw;
        }
        finally
        {
            _loadedOnce = true;
        }

        StartTimer();
    }

    /// <summary>
    /// After an optional source's failed first load, each <c>akeyless:/…</c> reference reads as absent (as one naming a
    /// missing secret does) rather than as its own text, which the application would take for the value.
    /// </summary>
    private void HideReferences()
    {
        if (_referenceProviders is not null && !_options.LeavesMissingReferencesToAnEarlierSource)
        {
            Data = ReferenceScanner.Scan(_referenceProviders(this), _options.SecretReferencePrefix, _ => { })
                .ToDictionary(r => r.Key, string? (_) => null, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>A duplicate under <see cref="DuplicateKeyPolicy.Throw"/> is a mistake in the configuration, not an outage an optional source may ride out.</summary>
    private static bool IsDuplicateKey(Exception exception) =>
        exception is AkeylessConfigurationException { Field: nameof(AkeylessConfigurationOptions.DuplicateKeyPolicy) };

    /// <summary>Reloads now: lists again, reads what changed, and raises the change token when a value changed.</summary>
    /// <param name="cancellationToken">Cancels the reload; the last good values stay.</param>
    /// <returns><see langword="true"/> when the configuration changed; <see langword="false"/> when nothing changed or the reload failed (see <see cref="LastError"/>).</returns>
    /// <exception cref="ObjectDisposedException">The provider is disposed, or was disposed while this reload ran.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Disposal ends a reload in flight too: the client may be shared and outlive the provider.
        CancellationTokenSource linked;
        try
        {
            linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        }
        catch (ObjectDisposedException)
        {
            throw new ObjectDisposedException(GetType().FullName);
        }

        using (linked)
        {
            try
            {
                return await LoadCoreAsync(initial: false, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_disposed && !cancellationToken.IsCancellationRequested)
            {
                throw new ObjectDisposedException(GetType().FullName);
            }
        }
    }

    /// <summary>Describes the source without any value (the configuration debug view uses it as the provider name).</summary>
    /// <returns>A description.</returns>
    public override string ToString() => $"Akeyless ({Source})";

    /// <summary>Stops the reload timer and disposes the client when the provider created it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _timer?.Dispose();
        StopWatchingConfiguration();
        _referenceSources?.Dispose();
        Metrics.Unregister(this);
        _disposing.Cancel();
        _disposing.Dispose();
        if (_ownsClient)
        {
            (_client as IDisposable)?.Dispose();
        }
    }

    private async Task<bool> LoadCoreAsync(bool initial, CancellationToken cancellationToken, bool reloadReferenceSources = false)
    {
        bool changed;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var started = _options.TimeProvider.GetTimestamp();
        try
        {
            if (reloadReferenceSources)
            {
                // IConfigurationRoot.Reload re-read the application's sources; the copies read for references follow them.
                _referenceSources?.Reload();
            }

            var referenceSources = _referenceProviders is null ? [] : _referenceProviders(this).ToList();
            var references = ReferenceScanner.Scan(referenceSources, _options.SecretReferencePrefix, key => Log.ReferenceEmpty(_logger, key));
            var entries = await _selector.SelectAsync(references, cancellationToken).ConfigureAwait(false);
            var fetched = await _fetcher.FetchAsync(entries, _state, cancellationToken).ConfigureAwait(false);
            var builder = new ConfigurationDataBuilder(_options, _logger);
            var data = builder.Build(entries, fetched.State.Values, fetched.Rejected);

            _state = fetched.State;
            Problems = builder.Problems;
            LastError = null;
            LastSuccessfulLoad = _options.TimeProvider.GetUtcNow();
            WatchReferenceSources(referenceSources);
            Log.Loaded(_logger, data.Count, fetched.Fetched, fetched.Requests, fetched.Reused, (long)_options.TimeProvider.GetElapsedTime(started).TotalMilliseconds);

            var changedKeys = CountChanges(Data, data);
            Metrics.Succeeded(initial, _options.TimeProvider.GetElapsedTime(started), changedKeys);
            changed = changedKeys > 0;
            if (changed)
            {
                Data = data;
                if (!initial)
                {
                    Log.Changed(_logger, changedKeys);
                }
            }
        }
        catch (Exception ex) when (!initial && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            LastError = ex;
            Metrics.Failed(initial, _options.TimeProvider.GetElapsedTime(started), ex);
            Log.ReloadFailed(_logger, ex);
            return false;
        }
        catch (Exception ex) when (initial)
        {
            LastError = ex;
            Metrics.Failed(initial, _options.TimeProvider.GetElapsedTime(started), ex);
            throw;
        }
        finally
        {
            _gate.Release();
        }

        if (changed && !initial)
        {
            OnReload();
        }

        return changed;
    }

    private static int CountChanges(IDictionary<string, string?> current, Dictionary<string, string?> next)
    {
        var changes = current.Keys.Count(k => !next.ContainsKey(k));
        foreach (var (key, value) in next)
        {
            if (!current.TryGetValue(key, out var old) || !string.Equals(old, value, StringComparison.Ordinal))
            {
                changes++;
            }
        }

        return changes;
    }
}
