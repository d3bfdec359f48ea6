using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AkeylessSharp.Cli.Exec;

/// <summary>
/// While <c>exec</c> runs a program, SIGINT, SIGTERM, SIGHUP and SIGQUIT no longer end this process: they are passed
/// on to the program, whose exit then ends this one. Ctrl+C and Ctrl+\ in a terminal already reach the program (the
/// terminal signals the whole foreground process group), so those are not sent a second time. Created before the
/// program starts, so no signal falls between the start and the registration: one that arrives before
/// <see cref="Attach"/> is forwarded then.
/// </summary>
internal sealed partial class SignalForwarder : IDisposable
{
    private const int SigTerm = 15;

    private static readonly PosixSignal[] s_forwarded = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT];

    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly Lock _gate = new();
    private readonly List<int> _pending = [];
    private Process? _child;
    private volatile bool _stopRequested;

    public SignalForwarder()
    {
        foreach (var signal in s_forwarded)
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, Forward));
        }
    }

    /// <summary>Whether a signal asked this process to stop: a program that exits now must not be restarted.</summary>
    public bool StopRequested => _stopRequested;

    /// <summary>The program is running: signals go to it from now on, and any that came before are sent now.</summary>
    public void Attach(Process child)
    {
        lock (_gate)
        {
            _child = child;
            foreach (var number in _pending)
            {
                Send(child, number);
            }

            _pending.Clear();
        }
    }

    /// <summary>The program is being replaced: signals wait for the next <see cref="Attach"/>.</summary>
    public void Detach()
    {
        lock (_gate)
        {
            _child = null;
        }
    }

    /// <summary>
    /// Asks the program and every process it started to exit (SIGTERM), for a restart: the processes of a
    /// <c>sh -c</c> would otherwise outlive it, the old values in their environment.
    /// </summary>
    public void Terminate(Process child)
    {
        if (OperatingSystem.IsWindows())
        {
            child.Kill(entireProcessTree: true);
            return;
        }

        var descendants = ProcessTree.Descendants(child.Id);
        Send(child, SigTerm);
        foreach (var pid in descendants)
        {
            _ = Kill(pid, SigTerm);
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void Forward(PosixSignalContext context)
    {
        context.Cancel = true;
        _stopRequested = true;
        if (OperatingSystem.IsWindows() || (context.Signal is PosixSignal.SIGINT or PosixSignal.SIGQUIT && ForegroundInTerminal()))
        {
            // Windows delivers console events to every process of the console, the program included.
            return;
        }

        // The same numbers on Linux and macOS.
        var number = context.Signal switch
        {
            PosixSignal.SIGHUP => 1,
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGQUIT => 3,
            _ => SigTerm,
        };
        lock (_gate)
        {
            if (_child is { } child)
            {
                Send(child, number);
            }
            else
            {
                _pending.Add(number);
            }
        }
    }

    private static void Send(Process child, int number)
    {
        try
        {
            if (!child.HasExited)
            {
                _ = Kill(child.Id, number);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile: nothing to forward to.
        }
    }

    /// <summary>Whether this process (and so the program, which shares its process group) is the foreground job of a terminal.</summary>
    private static bool ForegroundInTerminal()
    {
        var group = GetProcessGroup();
        for (var fd = 0; fd <= 2; fd++)
        {
            if (GetTerminalForegroundGroup(fd) is var foreground && foreground >= 0)
            {
                return foreground == group;
            }
        }

        return false;
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "getpgrp")]
    private static partial int GetProcessGroup();

    [LibraryImport("libc", EntryPoint = "tcgetpgrp")]
    private static partial int GetTerminalForegroundGroup(int fd);
}
