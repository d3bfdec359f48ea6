using System.CommandLine;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>delete &lt;path&gt;</c>: asks first on a terminal; a script must pass <c>--yes</c>.</summary>
internal static class DeleteCommand
{
    public static Command Create(CommandRunner runner)
    {
        var path = ItemPath.Argument("The item's path.");
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (required when standard input is not a terminal)." };
        var command = new Command("delete", "Delete an item with all its versions.") { path, yes };
        runner.SetAction(command, async context =>
        {
            var name = context.Get(path)!;
            if (!context.Get(yes))
            {
                if (!context.Console.IsInputTerminal)
                {
                    throw new CliUsageException($"refusing to delete {name} without confirmation: pass --yes.");
                }

                await context.Console.Error.WriteAsync($"Delete {name} and all its versions? [y/N] ").ConfigureAwait(false);
                var answer = (await context.Console.In.ReadLineAsync(context.CancellationToken).ConfigureAwait(false))?.Trim();
                if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
                {
                    await context.Console.Error.WriteLineAsync("Not deleted.").ConfigureAwait(false);
                    return ExitCodes.Failure;
                }
            }

            var client = await context.ConnectAsync().ConfigureAwait(false);
            await client.DeleteItemAsync(name, context.CancellationToken).ConfigureAwait(false);
            return await WriteCommands.ConfirmAsync(context, $"Deleted {name}.").ConfigureAwait(false);
        });
        return command;
    }
}
