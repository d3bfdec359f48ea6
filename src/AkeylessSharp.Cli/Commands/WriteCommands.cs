using System.CommandLine;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>set</c> (create or update), <c>create</c> and <c>update</c> of static secrets.</summary>
internal static class WriteCommands
{
    public static Command Set(CommandRunner runner) => WriteWithMetadata(
        runner,
        "set",
        "Write a static secret: a new version if it exists, else a new secret (with --description, --tag, --format).",
        static (client, path, value, options, ct) => client.UpsertSecretAsync(path, value, options, ct),
        "Saved");

    public static Command Create(CommandRunner runner) => WriteWithMetadata(
        runner,
        "create",
        "Create a static secret; fails with exit code 1 if an item exists at the path.",
        static (client, path, value, options, ct) => client.CreateSecretAsync(path, value, options, ct),
        "Created");

    public static Command Update(CommandRunner runner)
    {
        var input = new SecretInput();
        var keep = new Option<bool>("--keep-previous") { Description = "Keep the previous versions [default]." };
        var noKeep = new Option<bool>("--no-keep-previous") { Description = "Drop the previous versions." };
        var command = new Command("update", "Write a new version of an existing static secret; exit code 4 if there is none.") { keep, noKeep };
        command.Add(ItemPath.Argument("The secret's path."));
        input.AddTo(command);
        runner.SetAction(command, async context =>
        {
            if (context.Get(keep) && context.Get(noKeep))
            {
                throw new CliUsageException("give either --keep-previous or --no-keep-previous, not both.");
            }

            var path = Path(context);
            var value = await input.ReadAsync(context).ConfigureAwait(false);
            var client = await context.ConnectAsync().ConfigureAwait(false);
            await client.UpdateSecretValueAsync(path, value, keepPreviousVersion: !context.Get(noKeep), context.CancellationToken).ConfigureAwait(false);
            return await ConfirmAsync(context, $"Updated {path}.").ConfigureAwait(false);
        });
        return command;
    }

    private static Command WriteWithMetadata(
        CommandRunner runner, string name, string description, Func<IAkeylessClient, string, string, CreateSecretOptions, CancellationToken, Task> write, string done)
    {
        var input = new SecretInput();
        var metadata = new SecretMetadata();
        var command = new Command(name, description);
        command.Add(ItemPath.Argument("The secret's path."));
        input.AddTo(command);
        metadata.AddTo(command);
        runner.SetAction(command, async context =>
        {
            var path = Path(context);
            var value = await input.ReadAsync(context).ConfigureAwait(false);
            var client = await context.ConnectAsync().ConfigureAwait(false);
            await write(client, path, value, metadata.Read(context), context.CancellationToken).ConfigureAwait(false);
            return await ConfirmAsync(context, $"{done} {path}.").ConfigureAwait(false);
        });
        return command;
    }

    private static string Path(CommandContext context) => context.Parse.GetValue<string>("path")!;

    // A confirmation helps a person at a terminal; in a pipeline, success is the exit code and stdout stays empty.
    internal static async Task<int> ConfirmAsync(CommandContext context, string message)
    {
        if (context.Console.IsOutputTerminal)
        {
            await context.Console.Out.WriteLineAsync(message).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
