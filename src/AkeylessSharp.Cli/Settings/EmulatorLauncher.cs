using AkeylessSharp.Emulator;

namespace AkeylessSharp.Cli.Settings;

/// <summary>Starts the embedded emulator for <c>--emulator</c> without letting its console log reach standard output.</summary>
internal static class EmulatorLauncher
{
    // Console.Out is process-wide; serialize the swap so concurrent in-process runs (tests) restore it correctly.
    private static readonly SemaphoreSlim s_consoleSwap = new(1, 1);

    public static async Task<AkeylessEmulator> StartAsync(FileInfo? seed, CancellationToken cancellationToken)
    {
        if (seed is { Exists: false })
        {
            throw new Infrastructure.CliUsageException($"the seed file {seed.FullName} does not exist.");
        }

        var options = new AkeylessEmulatorOptions { SeedPath = seed?.FullName };
        await s_consoleSwap.WaitAsync(cancellationToken).ConfigureAwait(false);
        var original = Console.Out;
        try
        {
            // The emulator's console logger captures Console.Out when it is built. Point it nowhere: `get` must print only
            // the value, and its start-up log includes the development access key.
            Console.SetOut(TextWriter.Null);
            return await AkeylessEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            throw new Infrastructure.CliUsageException($"the emulator did not start: {ex.Message}");
        }
        finally
        {
            Console.SetOut(original);
            s_consoleSwap.Release();
        }
    }
}
