namespace AkeylessSharp;

/// <content>
/// Disposal. Once disposed, every member throws <see cref="ObjectDisposedException"/> naming this client, a cache hit
/// included, and a call in flight when the client is disposed ends with it too, never with the HTTP client's own
/// <see cref="ObjectDisposedException"/> or an <see cref="OperationCanceledException"/> its caller did not ask for.
/// </content>
public partial class AkeylessClient
{
    private volatile bool _disposed;

    // Ends the calls in flight over an HTTP client this instance does not own: disposing an owned one does that itself.
    // Never disposed (it has no timer): a call starting as the client is disposed may still link to it.
    private readonly CancellationTokenSource? _stopCalls;

    /// <summary>
    /// Releases the HTTP client this instance created (never the shared connection pool or one passed in). Afterwards
    /// every member throws <see cref="ObjectDisposedException"/>, and so do the calls still in flight.
    /// </summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases owned resources.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Set first: the calls the HTTP client cancels as it goes must find the client disposed.
            _disposed = true;
            _ownedResources?.Dispose();
            _stopCalls?.Cancel();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Whether <paramref name="exception"/> is how disposing this client ended a call its caller had not cancelled.</summary>
    private bool EndedByDispose(Exception exception, CancellationToken cancellationToken) =>
        _disposed && !cancellationToken.IsCancellationRequested && exception is OperationCanceledException or ObjectDisposedException;

    private ObjectDisposedException DisposedInFlight(string command) =>
        new(GetType().FullName, $"The client was disposed while its {command} call was in flight. Dispose a client only once nothing uses it.");
}
