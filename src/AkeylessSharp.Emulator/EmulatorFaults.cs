using AkeylessSharp.Emulator.Faults;

namespace AkeylessSharp.Emulator;

/// <summary>
/// Fault injection applied before a command is handled: failures, latency and aborted connections.
/// The same rules can be set over HTTP at <c>/__emulator/faults</c>. The command <c>*</c> means every command.
/// </summary>
public sealed class EmulatorFaults
{
    /// <summary>The longest latency a rule may add: a minute, long enough for any timeout test, short enough to recover from.</summary>
    public static readonly TimeSpan MaxLatency = TimeSpan.FromMinutes(1);

    private const string AnyCommand = "*";
    private readonly FaultTable _table = new();
    private readonly IReadOnlySet<string> _commands;

    internal EmulatorFaults(IReadOnlySet<string> commands) => _commands = commands;

    /// <summary>Makes the next <paramref name="count"/> requests to <paramref name="command"/> fail.</summary>
    /// <param name="command">A command name, or <c>*</c> for every command.</param>
    /// <param name="count">How many requests fail; must be positive.</param>
    /// <param name="statusCode">The HTTP status returned, between 400 and 599, such as 503.</param>
    /// <param name="retryAfter">When set, sent as a <c>Retry-After</c> header in whole seconds.</param>
    /// <exception cref="ArgumentException"><paramref name="command"/> is empty or not a command the emulator serves.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> or <paramref name="statusCode"/> is out of range.</exception>
    public void FailNext(string command, int count, int statusCode, TimeSpan? retryAfter = null)
    {
        ValidateCommand(command);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ValidateStatus(statusCode);
        _table.FailNext(command, count, statusCode, retryAfter);
    }

    /// <summary>
    /// Makes a fraction of the requests to <paramref name="command"/> fail, drawn from a fixed-seed random
    /// sequence so a run is repeatable.
    /// </summary>
    /// <param name="command">A command name, or <c>*</c> for every command.</param>
    /// <param name="fraction">Between 0 (never) and 1 (always).</param>
    /// <param name="statusCode">The HTTP status returned, between 400 and 599.</param>
    /// <param name="retryAfter">When set, sent as a <c>Retry-After</c> header in whole seconds.</param>
    /// <exception cref="ArgumentException"><paramref name="command"/> is empty or not a command the emulator serves.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> or <paramref name="statusCode"/> is out of range.</exception>
    public void FailFraction(string command, double fraction, int statusCode, TimeSpan? retryAfter = null)
    {
        ValidateCommand(command);
        if (double.IsNaN(fraction) || fraction < 0 || fraction > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be between 0 and 1.");
        }

        ValidateStatus(statusCode);
        _table.FailFraction(command, fraction, statusCode, retryAfter);
    }

    /// <summary>Delays every request to <paramref name="command"/> by <paramref name="latency"/> before handling it.</summary>
    /// <param name="command">A command name, or <c>*</c> for every command.</param>
    /// <param name="latency">The added delay, at most <see cref="MaxLatency"/>; <see cref="TimeSpan.Zero"/> removes it.</param>
    /// <exception cref="ArgumentException"><paramref name="command"/> is empty or not a command the emulator serves.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative or above <see cref="MaxLatency"/>.</exception>
    public void AddLatency(string command, TimeSpan latency)
    {
        ValidateCommand(command);
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(latency, MaxLatency);
        _table.AddLatency(command, latency);
    }

    /// <summary>Aborts the connection of the next <paramref name="count"/> requests to <paramref name="command"/> without a response.</summary>
    /// <param name="command">A command name, or <c>*</c> for every command.</param>
    /// <param name="count">How many requests are aborted; must be positive.</param>
    /// <exception cref="ArgumentException"><paramref name="command"/> is empty or not a command the emulator serves.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public void AbortNext(string command, int count)
    {
        ValidateCommand(command);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _table.AbortNext(command, count);
    }

    /// <summary>Removes every fault rule.</summary>
    public void Clear() => _table.Clear();

    internal FaultDecision Evaluate(string command) => _table.Evaluate(command);

    private void ValidateCommand(string command)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        if (command != AnyCommand && !_commands.Contains(command))
        {
            throw new ArgumentException($"'{(command.Length > 100 ? command[..100] + "..." : command)}' is not a command the emulator serves; use a command name such as get-secret-value, or * for every command.", nameof(command));
        }
    }

    private static void ValidateStatus(int statusCode)
    {
        // Only error statuses: a 1xx, 204 or 304 with a JSON body is not a response a client can meet.
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "The status code must be an error status, between 400 and 599.");
        }
    }
}
