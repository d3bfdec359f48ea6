using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace AkeylessSharp.Configuration;

/// <content>
/// Follows the sources holding <c>akeyless:/…</c> references: when one reloads (appsettings.json edited with
/// reloadOnChange), the references are resolved again, so a repointed or removed reference never keeps serving the old
/// secret until the next interval (or forever without one).
/// </content>
public sealed partial class AkeylessConfigurationProvider
{
    private readonly Lock _watchLock = new();
    private IConfigurationProvider[] _watched = [];
    private IDisposable[] _watches = [];
    private int _referencesChanged;
    private IDisposable? _configurationWatch;

    /// <summary>Watches <paramref name="providers"/> (a configuration manager's own, or the kept copies of the preceding sources) after a successful load.</summary>
    private void WatchReferenceSources(IReadOnlyList<IConfigurationProvider> providers)
    {
        lock (_watchLock)
        {
            if (_disposed)
            {
                return;
            }

            if (_configurationReloadToken is not null)
            {
                _configurationWatch ??= ChangeToken.OnChange(_configurationReloadToken, OnConfigurationChanged);
            }

            if (providers.SequenceEqual(_watched, ReferenceEqualityComparer.Instance))
            {
                return;
            }

            StopWatchingReferenceSources();
            _watched = [.. providers];
            _watches = [.. _watched.Select(p => ChangeToken.OnChange(p.GetReloadToken, OnReferenceSourceChanged))];
        }
    }

    private void StopWatchingConfiguration()
    {
        lock (_watchLock)
        {
            _configurationWatch?.Dispose();
            _configurationWatch = null;
        }

        StopWatchingReferenceSources();
    }

    private void StopWatchingReferenceSources()
    {
        lock (_watchLock)
        {
            foreach (var watch in _watches)
            {
                watch.Dispose();
            }

            _watches = [];
            _watched = [];
        }
    }

    /// <summary>
    /// A configuration manager raises its own token after rebuilding every provider (a source inserted or removed): the
    /// providers watched, and read by the load that ran during the rebuild, are the old ones. Read the new ones.
    /// </summary>
    private void OnConfigurationChanged()
    {
        if (_disposed || _referenceProviders is null)
        {
            return;
        }

        IConfigurationProvider[] watched;
        lock (_watchLock)
        {
            watched = _watched;
        }

        if (!_referenceProviders(this).SequenceEqual(watched, ReferenceEqualityComparer.Instance))
        {
            OnReferenceSourceChanged();
        }
    }

    private void OnReferenceSourceChanged()
    {
        // Raised while a reload runs, after its scan: that reload runs once more rather than missing the change.
        Volatile.Write(ref _referencesChanged, 1);
        OnTimer();
    }
}
