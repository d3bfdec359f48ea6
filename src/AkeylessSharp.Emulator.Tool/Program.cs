using AkeylessSharp.Emulator;
using AkeylessSharp.Emulator.Tool;

// akeyless-emulator [--urls URL] [--data FILE] [--seed FILE] [--token-ttl SECONDS] [--page-size N] [--admin-token T] [--strict]
var parsed = CommandLine.Parse(args, Environment.CurrentDirectory);
if (parsed.ShowHelp)
{
    Console.Out.WriteLine(CommandLine.Usage);
    return 0;
}

if (parsed.Error is { } error)
{
    await Console.Error.WriteLineAsync($"akeyless-emulator: {error}").ConfigureAwait(false);
    await Console.Error.WriteLineAsync(CommandLine.Usage).ConfigureAwait(false);
    return 2;
}

AkeylessEmulator emulator;
try
{
    emulator = await AkeylessEmulator.StartAsync(parsed.Options).ConfigureAwait(false);
}
catch (Exception e) when (StartupFailure.Describe(e) is { } problem)
{
    await Console.Error.WriteLineAsync($"akeyless-emulator: {problem}").ConfigureAwait(false);
    return 2;
}

await using (emulator.ConfigureAwait(false))
{
    await emulator.WaitForShutdownAsync().ConfigureAwait(false);
}

return 0;
