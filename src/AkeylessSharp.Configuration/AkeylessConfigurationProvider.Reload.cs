namespace AkeylessSharp.Configuration;

public sealed partial class AkeylessConfigurationProvider
{
    private ITimer? _timer;
    private int _timerReloadRunning;
    private Task _pendingReload = Task.CompletedTask;

    /// <summary>The reload started by the last timer tick; tests await it after moving a fake clock.</summary>
    internal Task PendingReload => Volatile.Read(ref _pendingReload);

    private void StartTimer()
    {
        if (_options.ReloadInterval is not { } interval || _timer is not null)
        {
            return;
        }

        _timer = _options.TimeProvider.CreateTimer(static state => ((AkeylessConfigurationProvider)state!).OnTimer(), this, interval, interval);
    }

    private void OnTimer()
    {
        // A slow reload is never overlapped by the next tick: that tick is skipped.
        if (_disposed || Interlocked.Exchange(ref _timerReloadRunning, 1) == 1)
        {
            return;
        }

        Volatile.Write(ref _pendingReload, RunTimerReloadAsync());
    }

    private async Task RunTimerReloadAsync()
    {
        try
        {
            await Task.Yield();
            do
            {
                Volatile.Write(ref _referencesChanged, 0);
                await LoadCoreAsync(initial: false, _disposing.Token).ConfigureAwait(false);
            }
            while (Volatile.Read(ref _referencesChanged) == 1 && !_disposed);
        }
        catch (OperationCanceledException)
        {
            // Disposed during a reload.
        }
        catch (ObjectDisposedException)
        {
            // Disposed during a reload.
        }
        finally
        {
            Volatile.Write(ref _timerReloadRunning, 0);
        }

        // A change signalled between the last check and the reset above found a reload running and was skipped.
        if (Volatile.Read(ref _referencesChanged) == 1)
        {
            OnTimer();
        }
    }
}
