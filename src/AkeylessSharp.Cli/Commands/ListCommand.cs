using System.CommandLine;
using System.Globalization;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>list [path]</c>: the items under a folder at any depth; metadata only, never values.</summary>
internal static class ListCommand
{
    public static Command Create(CommandRunner runner)
    {
        var path = new Argument<string>("path")
        {
            Description = "The folder.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = static _ => "/",
        };
        var type = new Option<string[]>("--type") { Description = "Only items of this kind; repeat for more.", HelpName = "static|dynamic|rotated|certificate|key|ssh-cert-issuer|pki-cert-issuer" };
        type.AcceptOnlyFromAmong(ItemTypeNames.Accepted);
        var filter = new Option<string?>("--filter") { Description = "Only items whose name contains this text." };
        var tag = new Option<string?>("--tag") { Description = "Only items carrying this tag." };
        var output = new OutputOption(["table", "json", "names"], "table", "names");
        var command = new Command("list", "List the items under a folder.") { path, type, filter, tag, output.Option };
        runner.SetAction(command, async context =>
        {
            var options = new ListItemsOptions
            {
                Types = [.. (context.Get(type) ?? []).Select(ItemTypeNames.Parse).Distinct()],
                Filter = context.Get(filter),
                Tag = context.Get(tag),
            };
            var format = output.Resolve(context);
            var folder = ItemPath.RequireFolder(context.Get(path) ?? "/", "the folder");
            var client = await context.ConnectAsync().ConfigureAwait(false);
            var items = new List<AkeylessItem>();
            await foreach (var item in client.ListItemsAsync(folder, options, context.CancellationToken).ConfigureAwait(false))
            {
                items.Add(item);
            }

            switch (format)
            {
                case "names":
                    foreach (var item in items)
                    {
                        await context.Console.Out.WriteLineAsync(item.Name).ConfigureAwait(false);
                    }

                    break;
                case "json":
                    CliJsonContext.Write(context.Console.Out, [.. items.Select(static i => ItemView.From(i, withVersions: false))], CliJsonContext.Output.ListItemView);
                    break;
                default:
                    var table = TableWriter.Create("Name", "Type", "Version", "Tags", "Modified");
                    foreach (var item in items)
                    {
                        table.AddTextRow(item.Name, ItemTypeNames.ToName(item.Type, item.RawType), item.LastVersion.ToString(CultureInfo.InvariantCulture),
                            string.Join(", ", item.Tags), item.ModifiedOn?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                    }

                    TableWriter.Write(context.Console, table);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
