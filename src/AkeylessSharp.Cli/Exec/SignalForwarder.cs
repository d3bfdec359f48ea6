using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AkeylessSharp.Cli.Exec;

/// <summary>
/// While the program of <c>exec</c> runs, SIGINT, SIGTERM, SIGHUP and SIGQUIT no longer end this process: they are
/// passed on to the program, whose exit then ends this one. Ctrl+C and Ctrl+\ in a terminal already reach the program
/// (the terminal signals the whole foreground process group), so those are not sent a second time. Created before the
/// program starts, so no signal falls between the start and the registration: one that arrives before
/// <see cref="Started"/> is forwarded then.
/// </summary>
internal sealed partial class SignalForwarder : IDisposable
{
    private static readonly PosixSignal[] s_forwarded = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT];

    private readonly Process _child;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly Lock _gate = new();
    private readonly List<int> _pending = [];
    private bool _started;

    public SignalForwarder(Process child)
    {
        _child = child;
        foreach (var signal in s_forwarded)
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, Forward));
        }
    }

    /// <summary>The program is running: signals go to it from now on, and any that came before are sent now.</summary>
    public void Started()
    {
        lock (_gate)
        {
            _started = true;
            foreach (var number in _pending)
            {
                Send(number);
            }
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
            _ => 15,
        };
        lock (_gate)
        {
            if (_started)
            {
                Send(number);
            }
            else
            {
                _pending.Add(number);
            }
        }
    }

    private void Send(int number)
    {
        try
        {
            if (!_child.HasExited)
            {
                _ = Kill(_child.Id, number);
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
