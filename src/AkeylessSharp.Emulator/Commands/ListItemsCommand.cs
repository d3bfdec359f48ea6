using System.Text;
using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Storage;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Commands;

/// <summary>
/// <c>list-items</c>: items under <c>path</c> at any depth (only direct children with <c>current-folder</c>),
/// <c>folders</c> = immediate sub-folders, filters, and page tokens when <c>auto-pagination</c> is disabled.
/// </summary>
internal static class ListItemsCommand
{
    public static void Register(CommandTable table) => table.Add("list-items", ListItemsAsync);

    private static Task<IResult> ListItemsAsync(CommandContext context)
    {
        var body = context.Body;
        var folder = ItemPath.Folder(body.String("path"));
        var filter = body.String("filter");
        var advancedFilter = body.String("advanced-filter");
        var tag = body.String("tag");
        var types = ParseTypes(body.StringArray("type"));
        var subTypes = body.StringArray("sub-types") ?? body.StringArray("sub_types");
        var minimal = body.Bool("minimal-view") ?? false;
        var currentFolder = body.Bool("current-folder") ?? false;
        var modifiedAfter = body.Int64("modified-after");
        _ = body.Bool("sra-only");
        var paginate = body.Enum("auto-pagination", "enabled", "enabled", "disabled") == "disabled";
        var after = DecodePageToken(body.String("pagination-token"));
        var caller = context.RequireCaller();
        var authorizer = context.State.Authorizer;

        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var matches = new List<StoredItem>();
        foreach (var item in context.State.Items.Snapshot())
        {
            if (!item.Name.StartsWith(folder, StringComparison.Ordinal) || !authorizer.Can(caller.Method, "list", item.Name))
            {
                continue;
            }

            var rest = item.Name[folder.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0)
            {
                folders.Add(folder + rest[..slash]);
                if (currentFolder)
                {
                    continue;
                }
            }

            if ((filter is null || item.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                && (advancedFilter is null || MatchesAdvancedFilter(item, advancedFilter))
                && (tag is null || item.Tags.Contains(tag, StringComparer.Ordinal))
                && (types is null || types.Contains(item.Type))
                && (subTypes is null || subTypes.Count == 0 || subTypes.Contains(item.SubType, StringComparer.OrdinalIgnoreCase))
                && (modifiedAfter is null || item.Modified.ToUnixTimeSeconds() > modifiedAfter))
            {
                matches.Add(item);
            }
        }

        IEnumerable<StoredItem> page = matches;
        if (after is not null)
        {
            page = page.Where(i => string.CompareOrdinal(i.Name, after) > 0);
        }

        var nextPage = "";
        if (paginate)
        {
            // One more than a page tells whether another follows; widened so a page size of int.MaxValue does not wrap to an empty page.
            var pageSize = context.State.Options.DefaultPageSize;
            var list = page.Take((int)Math.Min((long)pageSize + 1, int.MaxValue)).ToList();
            if (list.Count > pageSize)
            {
                list.RemoveAt(list.Count - 1);
                nextPage = EncodePageToken(list[^1].Name);
            }

            page = list;
        }

        var items = page.Select(i => ItemMapper.ToOutput(i, minimal: minimal)).ToArray();
        var output = new ListItemsOutput(items, after is null ? folders.ToArray() : [], nextPage, nextPage.Length > 0);
        return Reply.Ok(output, WireJsonContext.Default.ListItemsOutput);
    }

    // The official ListItems model: "filter by item name/username/website or part of it".
    private static bool MatchesAdvancedFilter(StoredItem item, string filter) =>
        item.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || (item.Login?.Username?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false)
        || (item.Login?.Websites.Any(w => w.Contains(filter, StringComparison.OrdinalIgnoreCase)) ?? false);

    private static HashSet<string>? ParseTypes(IReadOnlyList<string>? types)
    {
        if (types is null || types.Count == 0)
        {
            return null;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in types)
        {
            set.Add(ItemTypes.ByFilter.TryGetValue(t, out var mapped) ? mapped : throw Errors.InvalidValue("type", t, ItemTypes.ByFilter.Keys));
        }

        return set;
    }

    private static string EncodePageToken(string lastName) =>
        "pg1." + Convert.ToBase64String(Encoding.UTF8.GetBytes(lastName)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? DecodePageToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        if (!token.StartsWith("pg1.", StringComparison.Ordinal))
        {
            throw Errors.BadRequest("invalid value for parameter pagination-token");
        }

        return Encoding.UTF8.GetString(AuthRequest.DecodeBase64(token[4..], "pagination-token"));
    }
}
