using AkeylessSharp.Errors.Internal;

namespace AkeylessSharp.Caching.StackExchangeRedis.Internal;

/// <summary>
/// Waits for a Redis call (a connection, a command) until the caller's cancellation. A call given up on keeps running; when
/// it then fails nobody awaits it, which would surface as an unobserved task exception, so its failure is observed here.
/// The secret cache's own backend guard does the same for the calls it bounds.
/// </summary>
internal static class AbandonableWait
{
    public static Task<T> WaitObservedAsync<T>(this Task<T> task, CancellationToken cancellationToken) =>
        task.IsCompleted || !cancellationToken.CanBeCanceled ? task : WaitAsync(task, cancellationToken);

    private static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        try
        {
            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AbandonedTask.ObserveFailure(task);
            throw;
        }
    }
}
