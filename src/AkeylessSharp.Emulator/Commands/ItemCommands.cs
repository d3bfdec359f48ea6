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

        var caller = context.RequireCaller();
        var (name, byId) = ResolveName(context);
        var permissions = name is null ? [] : context.State.Authorizer.Capabilities(caller.Method, name);
        var visible = permissions.Contains("read") || permissions.Contains("list");
        if (byId is not null && !visible)
        {
            // Neither the item's existence nor its name may reach a caller that cannot see it (as for a name, whose
            // 403 does not depend on existence); only a caller that sees every item learns that an id is unknown.
            throw name is null && context.State.Authorizer.SeesEveryItem(caller.Method)
                ? new CommandException(404, $"item {byId} not found")
                : Errors.AccessDenied(context.Command, $"item {byId}");
        }

        if (!visible)
        {
            throw Errors.AccessDenied(context.Command, name!);
        }

        var item = context.State.Items.Get(name!) ?? throw Errors.ItemNotFound(name!);
        item = await RotatedSecretCommands.CatchUpAsync(context, item).ConfigureAwait(false);
        return TypedResults.Json(ItemMapper.ToOutput(item, showVersions, permissions: permissions), WireJsonContext.Default.ItemOutput);
    }

    /// <summary>The name asked for, or the name of the item the id or display id names (null if none) and that id.</summary>
    private static (string? Name, string? ById) ResolveName(CommandContext context)
    {
        var body = context.Body;
        if (body.String("name") is { Length: > 0 } name)
        {
            return (ItemPath.Normalize(name), null);
        }

        var id = body.Int64("item-id");
        var displayId = body.String("display-id");
        if (id is null && string.IsNullOrEmpty(displayId))
        {
            throw Errors.MissingParameter("name");
        }

        var match = context.State.Items.Snapshot().FirstOrDefault(i => i.Id == id || (displayId is not null && i.DisplayId == displayId));
        return (match?.Name, id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? displayId);
    }

    private static async Task<IResult> DeleteItemAsync(CommandContext context)
    {
        var body = context.Body;
        var name = ItemPath.Normalize(body.RequiredString("name"));
        var version = body.Int32("version") ?? -1;
        var immediately = body.Bool("delete-immediately") ?? false;

        // The official DeleteItem model: delete-immediately "when delete-in-days=-1, must be set".
        if (body.Int64("delete-in-days") == -1 && !immediately)
        {
            throw Errors.BadRequest("invalid value for parameter delete-in-days: -1 (delete now) must come with delete-immediately: true");
        }

        if (version < -1)
        {
            throw Errors.BadRequest($"invalid value for parameter version: {version} (use -1 for the whole item, 0 for the last version, or a version number)");
        }

        ItemLookup.Require(context, name, "delete");

        // "Last version" is resolved on the record the write lock hands over, not on an earlier read: an update or a
        // re-creation between the two would otherwise make this delete another version (or another item's).
        var itemId = 0L;
        var deleted = version;
        var remaining = await context.State.Items.MutateAsync(name, current =>
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

        // An item gone takes its value-read count along: counts of every name ever read would grow without end.
        if (remaining is null)
        {
            context.State.Counters.ForgetValueReads(name);
        }

        var output = new DeleteItemOutput(name, itemId, deleted, Rfc3339.Format(context.State.Now));
        return TypedResults.Json(output, WireJsonContext.Default.DeleteItemOutput);
    }
}
