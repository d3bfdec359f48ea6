using AkeylessSharp.Emulator;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Cli.Settings;

/// <summary>Starts the embedded emulator for <c>--emulator</c>, silenced: <c>get</c> must print only the value.</summary>
internal static class EmulatorLauncher
{
    public static async Task<AkeylessEmulator> StartAsync(FileInfo? seed, CancellationToken cancellationToken)
    {
        // A folder is not a missing file: the emulator says what it is.
        if (seed is { Exists: false } && !Directory.Exists(seed.FullName))
        {
            throw new Infrastructure.CliUsageException($"the seed file {seed.FullName} does not exist.");
        }

        var options = new AkeylessEmulatorOptions { SeedPath = seed?.FullName, ConfigureLogging = logging => logging.ClearProviders() };
        try
        {
            return await AkeylessEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            throw new Infrastructure.CliUsageException($"the emulator did not start: {ex.Message}");
        }
    }
}
