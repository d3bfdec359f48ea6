using System.CommandLine;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>dynamic &lt;path&gt;</c>: fresh credentials from a dynamic secret's producer, as JSON (or one field raw).</summary>
internal static class DynamicCommand
{
    public static Command Create(CommandRunner runner)
    {
        var path = ItemPath.Argument("The dynamic secret's path.");
        var args = new Option<string[]>("--arg")
        {
            Description = "A producer argument as key=value; repeat for more.",
            HelpName = "key=value",
        };
        var target = new Option<string?>("--target") { Description = "The target, for producers with several." };
        var attribute = new Option<string?>("--json-attribute") { Description = "Print one field raw, such as password." };
        var command = new Command("dynamic", "Print new credentials from a dynamic secret as JSON.") { path, args, target, attribute };
        runner.SetAction(command, async context =>
        {
            var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in context.Get(args) ?? [])
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new CliUsageException($"--arg expects key=value, not '{pair}'.");
                }

                arguments[pair[..equals]] = pair[(equals + 1)..];
            }

            var name = context.Get(path)!;
            var client = await context.ConnectAsync().ConfigureAwait(false);
            var secret = await client.GetDynamicSecretAsync(name, new DynamicSecretRequestOptions { Arguments = arguments, Target = context.Get(target) }, context.CancellationToken).ConfigureAwait(false);
            await SecretFields.WriteAsync(context, secret.Fields, context.Get(attribute), name).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
