using AkeylessSharp.Emulator;

namespace AkeylessSharp.Aspire.Hosting.Internal;

/// <summary>
/// What the app host runs for its Akeyless resources: the in-process emulators and the clients. A singleton of the
/// app host's container, so both are stopped when the app host is disposed.
/// </summary>
internal sealed class AkeylessRuntime : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AkeylessResource, AkeylessEmulator> _emulators = [];
    private readonly HashSet<AkeylessResource> _resources = [];
    private bool _disposed;

    public void Track(AkeylessResource resource)
    {
        lock (_gate)
        {
            _resources.Add(resource);
        }
    }

    /// <summary>Takes ownership of a started emulator; one that finished starting after the app host was disposed is stopped at once.</summary>
    public async ValueTask AddAsync(AkeylessResource resource, AkeylessEmulator emulator)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _emulators[resource] = emulator;
                return;
            }
        }

        await emulator.DisposeAsync().ConfigureAwait(false);
        throw new ObjectDisposedException(nameof(AkeylessRuntime), "The app host stopped while the Akeyless emulator was starting; the emulator was stopped.");
    }

    public AkeylessEmulator? Find(AkeylessResource resource)
    {
        lock (_gate)
        {
            return _emulators.GetValueOrDefault(resource);
        }
    }

    public async ValueTask DisposeAsync()
    {
        AkeylessEmulator[] emulators;
        AkeylessResource[] resources;
        lock (_gate)
        {
            _disposed = true;
            emulators = [.. _emulators.Values];
            resources = [.. _resources];
            _emulators.Clear();
        }

        foreach (var resource in resources)
        {
            resource.Clients.Dispose();
        }

        foreach (var emulator in emulators)
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
