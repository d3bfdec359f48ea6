using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Commands;

/// <summary><c>describe-permissions</c>: the caller's own capabilities on a path, from its roles.</summary>
internal static class PermissionCommands
{
    public static void Register(CommandTable table) => table.Add("describe-permissions", DescribeAsync);

    private static Task<IResult> DescribeAsync(CommandContext context)
    {
        var path = context.Body.RequiredString("path");
        var type = context.Body.Enum("type", "", "item", "am", "role", "target");
        if (type.Length == 0)
        {
            throw Errors.MissingParameter("type");
        }

        var caps = context.State.Authorizer.Capabilities(context.RequireCaller().Method, path, type);
        return Reply.Ok(new DescribePermissionsOutput(caps), WireJsonContext.Default.DescribePermissionsOutput);
    }
}
