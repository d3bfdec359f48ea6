using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Commands;
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
        Challenges = new ChallengeStore(Time);
        Commands = CommandTable.CreateDefault();
        Faults = new EmulatorFaults(Commands.Names);
        Tokens = new TokenStore(Time);
        TokenControl = new EmulatorTokens(Tokens, directory);
    }

    public CommandTable Commands { get; }

    public EmulatorTokens TokenControl { get; }

    public AkeylessEmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public ItemStore Items { get; }

    public AuthDirectory Directory { get; }

    public Authorizer Authorizer { get; }

    public TokenStore Tokens { get; }

    public ChallengeStore Challenges { get; }

    public EmulatorFaults Faults { get; }

    public EmulatorCounters Counters { get; } = new();

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Throws 400 naming <paramref name="field"/> when <paramref name="value"/> exceeds <see cref="AkeylessEmulatorOptions.MaxValueBytes"/>.</summary>
    public string CheckValueSize(string value, string field)
    {
        var max = Options.MaxValueBytes;
        return value.Length <= max / 3 || System.Text.Encoding.UTF8.GetByteCount(value) <= max
            ? value
            : throw Wire.Errors.BadRequest($"invalid value for parameter {field}: larger than {max} bytes (the emulator's MaxValueBytes, like the service's limit)");
    }

    public void Dispose() => Items.Dispose();
}
