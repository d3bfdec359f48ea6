using System.CommandLine;
using System.Globalization;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;
using Spectre.Console;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>describe &lt;path&gt;</c>: an item's type, versions, dates, description and tags; never its value.</summary>
internal static class DescribeCommand
{
    public static Command Create(CommandRunner runner)
    {
        var path = ItemPath.Argument("The item's path.");
        var output = new OutputOption(["table", "json"], "table", "json");
        var command = new Command("describe", "Show an item's metadata.") { path, output.Option };
        runner.SetAction(command, async context =>
        {
            var format = output.Resolve(context);
            var client = await context.ConnectAsync().ConfigureAwait(false);
            var item = await client.DescribeItemAsync(context.Get(path)!, context.CancellationToken).ConfigureAwait(false);
            if (format == "json")
            {
                CliJsonContext.Write(context.Console.Out, ItemView.From(item, withVersions: true), CliJsonContext.Output.ItemView);
                return ExitCodes.Success;
            }

            var table = TableWriter.Create("Field", "Value");
            table.AddTextRow("Name", item.Name);
            table.AddTextRow("Type", ItemTypeNames.ToName(item.Type, item.RawType) + (item.SubType is null ? string.Empty : $" ({item.SubType})"));
            table.AddTextRow("Format", item.Format);
            table.AddTextRow("Description", item.Description);
            table.AddTextRow("Tags", string.Join(", ", item.Tags));
            table.AddTextRow("Enabled", item.IsEnabled ? "yes" : "no");
            table.AddTextRow("Last version", item.LastVersion.ToString(CultureInfo.InvariantCulture));
            table.AddTextRow("Versions", string.Join(Environment.NewLine, item.Versions.Select(static v => $"v{v.Version} {v.State} {Date(v.CreatedOn)}".TrimEnd())));
            table.AddTextRow("Created", Date(item.CreatedOn));
            table.AddTextRow("Modified", Date(item.ModifiedOn));
            table.AddTextRow("Id", item.Id.ToString(CultureInfo.InvariantCulture));
            TableWriter.Write(context.Console, table.HideHeaders());
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Date(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? string.Empty;
}
