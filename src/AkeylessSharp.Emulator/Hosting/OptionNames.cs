namespace AkeylessSharp.Emulator.Hosting;

/// <summary>
/// How start-up errors name the settings a user can change: the library names <see cref="AkeylessEmulatorOptions"/>
/// properties, the command-line tools their flags. The checks stay in one place; only the words differ.
/// </summary>
internal sealed record OptionNames(string Urls, string AdminToken, string AllowedHosts)
{
    /// <summary>The names a caller of <see cref="AkeylessEmulator.StartAsync"/> sets.</summary>
    public static OptionNames Library { get; } = new(
        $"{nameof(AkeylessEmulatorOptions)}.{nameof(AkeylessEmulatorOptions.Urls)}",
        $"{nameof(AkeylessEmulatorOptions)}.{nameof(AkeylessEmulatorOptions.AdminToken)}",
        $"{nameof(AkeylessEmulatorOptions)}.{nameof(AkeylessEmulatorOptions.AllowedHosts)}");

    /// <summary>The flags of <c>akeyless-emulator</c> and <c>akeyless-sharp serve</c>.</summary>
    public static OptionNames CommandLine { get; } = new("--urls", "--admin-token", "--allowed-hosts");
}
