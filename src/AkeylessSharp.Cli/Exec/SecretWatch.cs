using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Exec;

/// <summary>
/// <c>exec --watch INTERVAL</c>: reads the secrets again every interval while the program runs. A failed read is a
/// warning (the program keeps its values); a successful read that differs is the change that restarts the program.
/// </summary>
internal sealed class SecretWatch(
    Func<CancellationToken, Task<IReadOnlyList<KeyValuePair<string, string>>>> resolve, TimeSpan interval, CliConsole console, TimeProvider time)
{
    /// <summary>The longest interval a timer accepts (about 49.7 days), rounded down to whole days.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(49);

    /// <summary>The new variables once they differ from <paramref name="current"/>; <see langword="null"/> when the program exits first or a stop was requested.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>?> WaitForChangeAsync(
        IReadOnlyList<KeyValuePair<string, string>> current, Task exited, Func<bool> stopRequested)
    {
        using var stop = new CancellationTokenSource();
        try
        {
            while (true)
            {
                var tick = Task.Delay(interval, time, stop.Token);
                if (await Task.WhenAny(exited, tick).ConfigureAwait(false) == exited || stopRequested())
                {
                    return null;
                }

                // A program that ends during the read ends exec at once, not when Akeyless answers (up to the client's
                // timeouts later); the finally below cancels the read.
                var read = resolve(stop.Token);
                if (await Task.WhenAny(read, exited).ConfigureAwait(false) == exited)
                {
                    return null;
                }

                IReadOnlyList<KeyValuePair<string, string>> next;
                try
                {
                    next = await read.ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A failed re-read must not end a running program; it is reported and retried on the next tick.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    await console.Error.WriteLineAsync($"warning: reading the secrets again failed, the program keeps its values: {ErrorReporter.OneLine(ErrorReporter.Describe(ex).Message)}").ConfigureAwait(false);
                    continue;
                }

                if (!exited.IsCompleted && !stopRequested() && !next.SequenceEqual(current))
                {
                    return next;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }
}
