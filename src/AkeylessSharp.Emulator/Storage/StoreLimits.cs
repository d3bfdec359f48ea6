namespace AkeylessSharp.Emulator.Storage;

/// <summary>The bounds <see cref="ItemStore"/> enforces on every write, taken from <see cref="AkeylessEmulatorOptions"/>.</summary>
internal sealed record StoreLimits(int MaxItems, int MaxVersionsPerItem)
{
    public static StoreLimits Unbounded { get; } = new(int.MaxValue, int.MaxValue);

    public static StoreLimits From(AkeylessEmulatorOptions options) => new(options.MaxItems, options.MaxVersionsPerItem);
}
