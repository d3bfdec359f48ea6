using System.CommandLine;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>rotated &lt;path&gt;</c>: a rotated secret's current value, as JSON (or one field raw).</summary>
internal static class RotatedCommand
{
    public static Command Create(CommandRunner runner)
    {
        var path = ItemPath.Argument("The rotated secret's path.");
        var version = new Option<int?>("--version") { Description = "A specific version [default: the current one]." }.WholeNumber()
            .AtLeast(0, "give a version number, 1 or more, or leave --version out for the latest");
        var attribute = new Option<string?>("--json-attribute") { Description = "Print one field raw, such as password." };
        var command = new Command("rotated", "Print a rotated secret's current value as JSON.") { path, version, attribute };
        runner.SetAction(command, async context =>
        {
            var name = context.Get(path)!;
            var client = await context.ConnectAsync().ConfigureAwait(false);
            var secret = await client.GetRotatedSecretAsync(name, new SecretRequestOptions { Version = context.Get(version) }, context.CancellationToken).ConfigureAwait(false);
            await SecretFields.WriteAsync(context, secret.Fields, context.Get(attribute), name).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
