using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Storage;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Commands;

/// <summary><c>describe-item</c> and <c>delete-item</c>.</summary>
internal static class ItemCommands
{
    public static void Register(CommandTable table)
    {
        table.Add("describe-item", DescribeItemAsync);
        table.Add("delete-item", DeleteItemAsync);
    }

    private static async Task<IResult> DescribeItemAsync(CommandContext context)
    {
        var body = context.Body;
        var showVersions = body.Bool("show-versions") ?? false;
        foreach (var flag in (string[])["gateway-details", "bastion-details", "services-details", "item-custom-fields-details", "der-certificate-format"])
        {
            _ = body.Bool(flag);
        }

        var name = ResolveName(context);
        var caller = context.RequireCaller();
        var permissions = context.State.Authorizer.Capabilities(caller.Method, name);
        if (!permissions.Contains("read") && !permissions.Contains("list"))
        {
            throw Errors.AccessDenied(context.Command, name);
        }

        var item = context.State.Items.Get(name) ?? throw Errors.ItemNotFound(name);
        item = await RotatedSecretCommands.CatchUpAsync(context, item).ConfigureAwait(false);
        return TypedResults.Json(ItemMapper.ToOutput(item, showVersions, permissions: permissions), WireJsonContext.Default.ItemOutput);
    }

    private static string ResolveName(CommandContext context)
    {
        var body = context.Body;
        if (body.String("name") is { Length: > 0 } name)
        {
            return ItemPath.Normalize(name);
        }

        var id = body.Int64("item-id");
        var displayId = body.String("display-id");
        if (id is null && string.IsNullOrEmpty(displayId))
        {
            throw Errors.MissingParameter("name");
        }

        var match = context.State.Items.Snapshot().FirstOrDefault(i => i.Id == id || (displayId is not null && i.DisplayId == displayId));
        return match?.Name ?? throw new CommandException(404, $"item {(id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? displayId)} not found");
    }

    private static async Task<IResult> DeleteItemAsync(CommandContext context)
    {
        var body = context.Body;
        var name = ItemPath.Normalize(body.RequiredString("name"));
        var version = body.Int32("version") ?? -1;
        _ = body.Bool("delete-immediately");
        _ = body.Int64("delete-in-days");
        if (version < -1)
        {
            throw Errors.BadRequest($"invalid value for parameter version: {version} (use -1 for the whole item, 0 for the last version, or a version number)");
        }

        ItemLookup.Require(context, name, "delete");

        // "Last version" is resolved on the record the write lock hands over, not on an earlier read: an update or a
        // re-creation between the two would otherwise make this delete another version (or another item's).
        var itemId = 0L;
        var deleted = version;
        await context.State.Items.MutateAsync(name, current =>
        {
            itemId = (current ?? throw Errors.ItemNotFound(name)).Id;
            if (version == -1)
            {
                return null;
            }

            deleted = version == 0 ? current.LastVersion : version;
            if (current.Versions.All(v => v.Version != deleted))
            {
                throw new CommandException(404, $"version {deleted} of item {name} not found");
            }

            var remaining = current.Versions.Where(v => v.Version != deleted).ToArray();
            return remaining.Length == 0 ? null : current with
            {
                Versions = remaining,

                // A rotated secret's current password is its latest remaining version, not the deleted one.
                Rotated = current.Rotated is { } r ? r with { Password = remaining[^1].Value } : null,
            };
        }, context.CancellationToken).ConfigureAwait(false);

        var output = new DeleteItemOutput(name, itemId, deleted, Rfc3339.Format(context.State.Now));
        return TypedResults.Json(output, WireJsonContext.Default.DeleteItemOutput);
    }
}
