using System.Text.Json;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;

namespace AkeylessSharp.Cli.Commands;

/// <summary>Prints a dynamic or rotated secret's fields: indented JSON, or one attribute raw.</summary>
internal static class SecretFields
{
    public static async Task WriteAsync(CommandContext context, JsonElement fields, string? attribute, string path)
    {
        if (attribute is not null)
        {
            await context.Console.Out.WriteLineAsync(JsonFieldSelector.Select(fields, attribute, path)).ConfigureAwait(false);
        }
        else
        {
            CliJsonContext.Write(context.Console.Out, fields);
        }
    }
}
