using System.CommandLine;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>get-many &lt;paths...&gt;</c>: several static secrets in one request, as JSON, env lines or a table.</summary>
internal static class GetManyCommand
{
    public static Command Create(CommandRunner runner)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Static secret paths; NAME=/path names the variable for --output env (default: the path in upper case, /prod/db/pw is PROD_DB_PW).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new OutputOption(["json", "env", "dotenv", "table"], "table", "json");
        var command = new Command("get-many", "Print several static secrets, read in one request.") { paths, output.Option };
        runner.SetAction(command, async context =>
        {
            var requests = context.Get(paths)!.Select(Parse).ToList();
            var duplicate = requests.GroupBy(static r => r.Name, StringComparer.Ordinal).FirstOrDefault(static g => g.Count() > 1);
            var format = output.Resolve(context);
            if (format is "env" or "dotenv" && duplicate is not null)
            {
                throw new CliUsageException($"two paths map to the variable {duplicate.Key}; name them with NAME=/path.");
            }

            var client = await context.ConnectAsync().ConfigureAwait(false);
            var values = await SecretBatch.ReadAsync(client, [.. requests.Select(static r => r.Path)], context.CancellationToken).ConfigureAwait(false);
            var writer = context.Console.Out;
            switch (format)
            {
                case "env" or "dotenv":
                    EnvFormat.Write(writer, [.. requests.Select(r => KeyValuePair.Create(r.Name, values[r.Path]))], format == "env" ? EnvFormat.Shell : EnvFormat.Dotenv);
                    break;
                case "table":
                    var table = TableWriter.Create("Path", "Value");
                    foreach (var request in requests.DistinctBy(static r => r.Path))
                    {
                        table.AddTextRow(request.Path, values[request.Path]);
                    }

                    TableWriter.Write(context.Console, table);
                    break;
                default:
                    var ordered = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var request in requests)
                    {
                        ordered.TryAdd(request.Path, values[request.Path]);
                    }

                    CliJsonContext.Write(writer, ordered, CliJsonContext.Output.DictionaryStringString);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static (string Name, string Path) Parse(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0 && !argument.StartsWith('/') && !argument.StartsWith('-'))
        {
            return (EnvVariableName.Require(argument[..equals], "in " + argument), ItemPath.Require(argument[(equals + 1)..], $"the path of {argument}"));
        }

        return (EnvVariableName.FromPath(argument), ItemPath.Require(argument, "a path"));
    }
}
