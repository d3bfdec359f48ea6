using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Storage;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>Everything a command can reach: the clock, items, identities, tokens and the fault/counter hooks.</summary>
internal sealed class EmulatorState : IDisposable
{
    public EmulatorState(AkeylessEmulatorOptions options, ItemStore items, AuthDirectory directory)
    {
        Options = options;
        Time = options.TimeProvider;
        Items = items;
        Directory = directory;
        Authorizer = new Authorizer(directory);
        Tokens = new TokenStore(Time);
        Challenges = new ChallengeStore(Time);
    }

    public AkeylessEmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public ItemStore Items { get; }

    public AuthDirectory Directory { get; }

    public Authorizer Authorizer { get; }

    public TokenStore Tokens { get; }

    public ChallengeStore Challenges { get; }

    public EmulatorFaults Faults { get; } = new();

    public EmulatorCounters Counters { get; } = new();

    public DateTimeOffset Now => Time.GetUtcNow();

    public void Dispose() => Items.Dispose();
}
