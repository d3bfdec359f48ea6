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

    /// <summary>Watches <paramref name="providers"/> (the live ones of a configuration manager) after a successful load.</summary>
    private void WatchReferenceSources(IReadOnlyList<IConfigurationProvider> providers)
    {
        lock (_watchLock)
        {
            if (_disposed || providers.SequenceEqual(_watched, ReferenceEqualityComparer.Instance))
            {
                return;
            }

            StopWatchingReferenceSources();
            _watched = [.. providers];
            _watches = [.. _watched.Select(p => ChangeToken.OnChange(p.GetReloadToken, OnReferenceSourceChanged))];
        }
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

    private void OnReferenceSourceChanged()
    {
        // Raised while a reload runs, after its scan: that reload runs once more rather than missing the change.
        Volatile.Write(ref _referencesChanged, 1);
        OnTimer();
    }
}
