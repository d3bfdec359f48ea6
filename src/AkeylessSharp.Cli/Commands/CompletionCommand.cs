using System.CommandLine;
using AkeylessSharp.Cli.Completion;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>completion &lt;shell&gt;</c>: prints the shell's completion script.</summary>
internal static class CompletionCommand
{
    public static Command Create(CommandRunner runner)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh, fish or powershell." };
        shell.AcceptOnlyFromAmong(CompletionScripts.Shells);
        var command = new Command("completion", "Print a shell completion script for commands and options (see the README to install it).") { shell };
        runner.SetAction(command, async context =>
        {
            await context.Console.Out.WriteAsync(CompletionScripts.For(context.Get(shell)!)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
