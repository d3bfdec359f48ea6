using System.Collections.Concurrent;

namespace AkeylessSharp.Emulator;

/// <summary>
/// Counts the requests each command received, failed and fault-injected ones included; requests to unknown
/// commands share the single counter <see cref="UnknownCommand"/>, so the counters stay bounded.
/// The same numbers are served at <c>GET /__emulator/counters</c>.
/// </summary>
public sealed class EmulatorCounters
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _valueReads = new(StringComparer.Ordinal);

    /// <summary>The one counter shared by every request to a command the emulator does not know.</summary>
    public const string UnknownCommand = "(unknown)";

    internal EmulatorCounters()
    {
    }

    /// <summary>Gets how many requests <paramref name="command"/> received since start or the last <see cref="Reset"/>.</summary>
    /// <param name="command">A command name such as <c>get-secret-value</c>.</param>
    /// <returns>The count, 0 for a command never called.</returns>
    public long Get(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return _counts.TryGetValue(command, out var n) ? n : 0;
    }

    /// <summary>Gets a point-in-time copy of every non-zero counter.</summary>
    /// <returns>A dictionary from command name to request count.</returns>
    public IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>
    /// Gets how many times the value of the static secret <paramref name="name"/> was served by <c>get-secret-value</c>,
    /// whether alone or as one name of a batch: the figure that shows how often a fleet really fetched a secret.
    /// </summary>
    /// <param name="name">The item name, with its leading <c>/</c>.</param>
    /// <returns>The count, 0 for a value never served; deleting the item sets it back to 0.</returns>
    public long ValueReads(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _valueReads.TryGetValue(name, out var n) ? n : 0;
    }

    /// <summary>Sets every counter back to zero.</summary>
    public void Reset()
    {
        _counts.Clear();
        _valueReads.Clear();
    }

    internal void Increment(string command) => _counts.AddOrUpdate(command, 1, static (_, n) => n + 1);

    internal void IncrementValueRead(string name) => _valueReads.AddOrUpdate(name, 1, static (_, n) => n + 1);

    internal void ForgetValueReads(string name) => _valueReads.TryRemove(name, out _);

    /// <summary>How many names have a value-read count.</summary>
    internal int ValueReadNames => _valueReads.Count;
}
