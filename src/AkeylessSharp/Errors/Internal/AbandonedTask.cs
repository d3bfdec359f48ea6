namespace AkeylessSharp.Errors.Internal;

/// <summary>
/// For a task nobody will await any more (given up on after a timeout or a cancellation, or shared by callers who may
/// all have left): its later failure is observed, so it never surfaces as an unobserved task exception. Whoever gave
/// up on it has already reported the outcome that mattered.
/// </summary>
internal static class AbandonedTask
{
    public static void ObserveFailure(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
