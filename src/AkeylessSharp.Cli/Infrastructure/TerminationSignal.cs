using System.Runtime.InteropServices;

namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>
/// SIGINT and SIGTERM while a command runs (all but <c>exec</c>, which passes them on to its program): the first cancels
/// <see cref="Token"/>, and the command's exit code then says which one came, as shells report it (130 for SIGINT, 143 for
/// SIGTERM). A command that has not stopped <see cref="Grace"/> after the signal is given up on.
/// </summary>
internal sealed class TerminationSignal : IDisposable
{
    /// <summary>How long a cancelled command has to finish before the tool exits without it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _cancel;
    private readonly TaskCompletionSource _graceElapsed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TimeProvider _timeProvider;
    private int _received;

    public TerminationSignal(CancellationToken cancellationToken, TimeProvider? timeProvider = null)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Cancelled by the caller's token or by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Completes <see cref="Grace"/> after the first signal.</summary>
    public Task GraceElapsed => _graceElapsed.Task;

    /// <summary>The exit code for the first signal received, and its name; <see langword="null"/> when none came.</summary>
    public (int ExitCode, string Name)? Received => (PosixSignal)Volatile.Read(ref _received) switch
    {
        PosixSignal.SIGINT => (ExitCodes.Cancelled, "SIGINT"),
        PosixSignal.SIGTERM => (ExitCodes.Terminated, "SIGTERM"),
        _ => null,
    };

    /// <summary>The command's exit code, or the signal's when the signal cancelled it (the command reports that as <see cref="ExitCodes.Cancelled"/>).</summary>
    public int ExitCodeFor(int commandExitCode) =>
        commandExitCode == ExitCodes.Cancelled && Received is (var exitCode, _) ? exitCode : commandExitCode;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    /// <summary>What a SIGINT or SIGTERM does; the registrations call it, and tests call it directly.</summary>
    internal void Receive(PosixSignal signal)
    {
        // PosixSignal values are negative, so 0 means none came yet; the first signal decides the exit code.
        if (Interlocked.CompareExchange(ref _received, (int)signal, 0) != 0)
        {
            return;
        }

        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command finished as the signal came.
            return;
        }

        _ = Task.Delay(Grace, _timeProvider).ContinueWith(_ => _graceElapsed.TrySetResult(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Receive(context.Signal);
    }
}
