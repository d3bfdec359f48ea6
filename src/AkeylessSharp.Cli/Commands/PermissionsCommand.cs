using System.CommandLine;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>permissions &lt;path&gt;</c>: what the caller may do there, one capability per line (<c>grep -qx read</c>).</summary>
internal static class PermissionsCommand
{
    private static readonly (AkeylessPermissions Flag, string Name)[] s_names =
    [
        (AkeylessPermissions.Read, "read"),
        (AkeylessPermissions.List, "list"),
        (AkeylessPermissions.Create, "create"),
        (AkeylessPermissions.Update, "update"),
        (AkeylessPermissions.Delete, "delete"),
    ];

    public static Command Create(CommandRunner runner)
    {
        var path = ItemPath.Argument("The item or folder.", folder: true);
        var output = new OutputOption(["text", "json"], "text", "text");
        var command = new Command("permissions", "Show what your auth method's roles allow at a path.") { path, output.Option };
        runner.SetAction(command, async context =>
        {
            var format = output.Resolve(context);
            var client = await context.ConnectAsync().ConfigureAwait(false);
            var permissions = await client.GetPermissionsAsync(context.Get(path)!, context.CancellationToken).ConfigureAwait(false);
            var names = s_names.Where(n => permissions.HasFlag(n.Flag)).Select(static n => n.Name).ToList();
            if (format == "json")
            {
                CliJsonContext.Write(context.Console.Out, names, CliJsonContext.Output.ListString);
            }
            else if (names.Count == 0)
            {
                await context.Console.Error.WriteLineAsync("no permissions at this path.").ConfigureAwait(false);
            }
            else
            {
                foreach (var name in names)
                {
                    await context.Console.Out.WriteLineAsync(name).ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
