using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Hosting;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Commands;

/// <summary>One command invocation: its parsed body, the authenticated caller (when required) and the emulator state.</summary>
internal sealed class CommandContext
{
    public required string Command { get; init; }

    public required RequestBody Body { get; init; }

    public required EmulatorState State { get; init; }

    public Caller? Caller { get; init; }

    public CancellationToken CancellationToken { get; init; }

    public Caller RequireCaller() => Caller ?? throw new InvalidOperationException("The command was registered without authentication.");

    /// <summary>Throws 403 unless the caller holds <paramref name="capability"/> on <paramref name="path"/>.</summary>
    public void Demand(string capability, string path) => State.Authorizer.Demand(RequireCaller(), capability, path, Command);
}
