using System.CommandLine;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>get &lt;path&gt;</c>: the value, a newline, nothing else, so <c>PASSWORD=$(akeyless-sharp get /prod/db)</c> works.</summary>
internal static class GetCommand
{
    public static Command Create(CommandRunner runner)
    {
        var path = ItemPath.Argument("The secret's path, such as /prod/db/password.");
        var version = new Option<int?>("--version") { Description = "A specific version of a static or rotated secret [default: the latest]." }.WholeNumber()
            .AtLeast(0, "give a version number, 1 or more, or leave --version out for the latest");
        var attribute = new Option<string?>("--json-attribute") { Description = "Print one attribute of a JSON value: a dot path such as db.password or hosts.0." };
        var type = new Option<string>("--type")
        {
            Description = "The item kind; auto looks it up with describe-item first.",
            DefaultValueFactory = static _ => "auto",
        };
        type.AcceptOnlyFromAmong("auto", "static", "dynamic", "rotated");

        var command = new Command("get", "Print a secret's value to standard output, followed by a newline and nothing else.") { path, version, attribute, type };
        runner.SetAction(command, async context =>
        {
            var name = context.Get(path)!;
            var options = new SecretRequestOptions { Version = context.Get(version), JsonAttribute = context.Get(attribute) };
            var client = await context.ConnectAsync().ConfigureAwait(false);
            var value = context.Get(type) switch
            {
                "static" => await client.GetSecretAsync(name, options, context.CancellationToken).ConfigureAwait(false),
                "dynamic" => Fields((await client.GetDynamicSecretAsync(name, new DynamicSecretRequestOptions(), context.CancellationToken).ConfigureAwait(false)).Fields, options, name),
                "rotated" => Fields((await client.GetRotatedSecretAsync(name, new SecretRequestOptions { Version = options.Version }, context.CancellationToken).ConfigureAwait(false)).Fields, options, name),
                _ => (await client.GetAsync(name, options, context.CancellationToken).ConfigureAwait(false)).Value,
            };
            await context.Console.Out.WriteLineAsync(value).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Fields(System.Text.Json.JsonElement fields, SecretRequestOptions options, string path) =>
        options.JsonAttribute is { } attribute ? JsonFieldSelector.Select(fields, attribute, path) : fields.GetRawText();
}
