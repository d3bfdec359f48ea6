using AkeylessSharp.Cli;
using AkeylessSharp.Cli.Infrastructure;

return await new CliApplication(CliConsole.FromSystem()).RunAsync(args).ConfigureAwait(false);
