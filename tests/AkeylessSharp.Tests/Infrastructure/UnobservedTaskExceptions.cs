namespace AkeylessSharp.Tests.Infrastructure;

/// <summary>Records the exceptions of faulted tasks nobody observed, from creation until disposal.</summary>
internal sealed class UnobservedTaskExceptions : IDisposable
{
    private readonly List<Exception> _seen = [];

    public UnobservedTaskExceptions() => TaskScheduler.UnobservedTaskException += Record;

    /// <summary>Lets the collector finalize what was let go, then says whether <paramref name="exception"/> was among it.</summary>
    public async Task<bool> WasUnobservedAfterCollectionAsync(Exception exception) =>
        (await SeenAfterCollectionAsync()).Contains(exception);

    /// <summary>Lets the collector finalize what was let go, then returns every exception nobody observed so far.</summary>
    public async Task<IReadOnlyList<Exception>> SeenAfterCollectionAsync()
    {
        for (int i = 0; i < 5; i++)
        {
            await Task.Delay(50);
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        lock (_seen)
        {
            return [.. _seen];
        }
    }

    public void Dispose() => TaskScheduler.UnobservedTaskException -= Record;

    private void Record(object? sender, UnobservedTaskExceptionEventArgs e)
    {
        lock (_seen)
        {
            _seen.AddRange(e.Exception.InnerExceptions);
        }
    }
}
