using AkeylessSharp.Emulator;
using AkeylessSharp.Emulator.Hosting;

// akeyless-emulator [--urls URL] [--data FILE] [--seed FILE] [--token-ttl SECONDS] [--page-size N]
if (!CommandLine.TryParse(args, out var options, out var error))
{
    await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
    await Console.Error.WriteLineAsync(CommandLine.Usage).ConfigureAwait(false);
    return 2;
}

await using var emulator = await AkeylessEmulator.StartAsync(options).ConfigureAwait(false);
await emulator.WaitForShutdownAsync().ConfigureAwait(false);
return 0;
