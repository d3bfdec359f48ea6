namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>
/// A blank path or a null clock fails the start with an ArgumentException naming the option, instead of .NET's
/// "(Parameter 'path')", a file named by spaces in the current directory, or a 500 on every request.
/// </summary>
public sealed class BlankOptionsTests
{
    public static TheoryData<string, Func<AkeylessEmulatorOptions>> Cases() => new()
    {
        { "DataPath", () => new AkeylessEmulatorOptions { DataPath = "" } },
        { "DataPath", () => new AkeylessEmulatorOptions { DataPath = "   " } },
        { "SeedPath", () => new AkeylessEmulatorOptions { SeedPath = "" } },
        { "SeedPath", () => new AkeylessEmulatorOptions { SeedPath = " " } },
        { "TimeProvider", () => new AkeylessEmulatorOptions { TimeProvider = null! } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task StartAsync_BlankPathOrNullClock_ThrowsNamingTheOption(string option, Func<AkeylessEmulatorOptions> options)
    {
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(async () => await (await AkeylessEmulator.StartAsync(options())).DisposeAsync());

        Assert.Equal(option, e.ParamName);
        Assert.Contains($"AkeylessEmulatorOptions.{option}", e.Message, StringComparison.Ordinal);
    }
}
