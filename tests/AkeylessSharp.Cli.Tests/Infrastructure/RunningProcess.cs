using System.Diagnostics;

namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>
/// A process a test keeps running to read from and signal: standard output and error redirected, one 60-second
/// <see cref="Limit"/> for every wait, and the process (with its children) killed on dispose if it is still running.
/// </summary>
internal sealed class RunningProcess : IDisposable
{
    private readonly CancellationTokenSource _limit = new(TimeSpan.FromSeconds(60));

    private RunningProcess(Process process) => Process = process;

    public Process Process { get; }

    public CancellationToken Limit => _limit.Token;

    /// <param name="start">What to start; its output and error are redirected here.</param>
    /// <param name="redirectInput">Also hold standard input open (a program reading it waits instead of seeing its end).</param>
    public static RunningProcess Start(ProcessStartInfo start, bool redirectInput = false)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = redirectInput;
        return new RunningProcess(Process.Start(start)!);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
        _limit.Dispose();
    }
}
