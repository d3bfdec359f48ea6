using System.Runtime.CompilerServices;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;
using AkeylessSharp.Items.Internal;

namespace AkeylessSharp;

/// <content>Item metadata, listings and permissions.</content>
public partial class AkeylessClient
{
    /// <inheritdoc />
    /// <exception cref="AkeylessNotFoundException">No item exists at <paramref name="path"/>.</exception>
    public virtual async Task<AkeylessItem> DescribeItemAsync(string path, CancellationToken cancellationToken = default)
    {
        Internal.SentText.ThrowIfInvalidPath(path);
        var item = await InvokeAsync(CommandCatalog.DescribeItem, path, new DescribeItemRequest { Name = path, ShowVersions = true },
            AkeylessJsonContext.Default.DescribeItemRequest, AkeylessJsonContext.Default.ItemContract, null, cancellationToken).ConfigureAwait(false);
        return ItemMapper.ToItem(item, path);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Asks for pages (<c>auto-pagination:"disabled"</c>) and follows each <c>next_page</c>, so memory stays bounded.
    /// When a folder's listing already holds items of its sub-folders (the service lists recursively), that is the
    /// whole subtree; otherwise the sub-folders are listed one by one, breadth-first.
    /// <see cref="ListItemsOptions.PageSize"/> is not sent: the API has no page-size field and pages hold up to 1000 items.
    /// </remarks>
    public virtual IAsyncEnumerable<AkeylessItem> ListItemsAsync(string path = "/", ListItemsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        Internal.SentText.ThrowIfNotText(path, "The folder path", nameof(path));
        Internal.SentText.ThrowIfNotText(options?.Filter, "ListItemsOptions.Filter", nameof(options));
        Internal.SentText.ThrowIfNotText(options?.Tag, "ListItemsOptions.Tag", nameof(options));
        return ListItemsCoreAsync(path, options, cancellationToken);
    }

    private async IAsyncEnumerable<AkeylessItem> ListItemsCoreAsync(string path, ListItemsOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var folders = new Queue<string>();
        folders.Enqueue(FolderPaths.Normalize(path));
        var seenFolders = new HashSet<string>(StringComparer.Ordinal) { FolderPaths.Normalize(path) };
        var seenItems = new HashSet<string>(StringComparer.Ordinal);
        var types = options?.Types ?? [];
        var subfolders = new List<string>();
        while (folders.TryDequeue(out var folder))
        {
            var listedRecursively = false;
            subfolders.Clear();
            await foreach (var page in ListPagesAsync(folder, options, cancellationToken).ConfigureAwait(false))
            {
                // A null entry (not the API's shape) names no item: skipped, as ListSecretsAsync skips it.
                foreach (var contract in page.Items?.OfType<ItemContract>() ?? [])
                {
                    var item = ItemMapper.ToItem(contract, string.Empty);
                    listedRecursively |= FolderPaths.Relative(folder, item.Name)?.Contains('/', StringComparison.Ordinal) == true;
                    if (seenItems.Add(item.Name) && (types.Count == 0 || types.Contains(item.Type)))
                    {
                        yield return item;
                    }
                }

                subfolders.AddRange(page.Folders ?? []);
            }

            if (listedRecursively)
            {
                continue;
            }

            foreach (var sub in subfolders)
            {
                var normalized = FolderPaths.Normalize(sub);
                if (seenFolders.Add(normalized))
                {
                    folders.Enqueue(normalized);
                }
            }
        }
    }

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<string>> ListSecretsAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        Internal.SentText.ThrowIfNotText(path, "The folder path", nameof(path));
        var folder = FolderPaths.Normalize(path);
        var names = new List<string>();
        await foreach (var page in ListPagesAsync(folder, null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items ?? [])
            {
                if (item?.ItemName is { } name && FolderPaths.Relative(folder, name) is { } relative && !relative.Contains('/', StringComparison.Ordinal))
                {
                    names.Add(relative);
                }
            }
        }

        return names;
    }

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<string>> ListSubfoldersAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        Internal.SentText.ThrowIfNotText(path, "The folder path", nameof(path));
        var folder = FolderPaths.Normalize(path);
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in ListPagesAsync(folder, null, cancellationToken).ConfigureAwait(false))
        {
            // A service may repeat the sub-folders on every page of one listing, as ListItemsAsync also allows for.
            foreach (var sub in page.Folders ?? [])
            {
                if (FolderPaths.Relative(folder, sub) is { } relative && !relative.Contains('/', StringComparison.Ordinal) && seen.Add(relative))
                {
                    names.Add(relative);
                }
            }
        }

        return names;
    }

    /// <inheritdoc />
    public virtual async Task<AkeylessPermissions> GetPermissionsAsync(string path, CancellationToken cancellationToken = default)
    {
        Internal.SentText.ThrowIfInvalidPath(path);
        var response = await InvokeAsync(CommandCatalog.DescribePermissions, path, new DescribePermissionsRequest { Path = path },
            AkeylessJsonContext.Default.DescribePermissionsRequest, AkeylessJsonContext.Default.DescribePermissionsResponse, null, cancellationToken).ConfigureAwait(false);
        return ItemMapper.ParsePermissions(response.ClientPermissions);
    }

    private async IAsyncEnumerable<ListItemsResponse> ListPagesAsync(string folder, ListItemsOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = ItemMapper.ToFilter(options?.Types ?? []);
        string? pageToken = null;
        HashSet<string>? seenTokens = null;
        do
        {
            var request = new ListItemsRequest
            {
                Path = folder,
                Filter = options?.Filter,
                Tag = options?.Tag,
                Type = filter,
                PaginationToken = pageToken,
                AutoPagination = "disabled",
            };
            var page = await InvokeAsync(CommandCatalog.ListItems, folder, request, AkeylessJsonContext.Default.ListItemsRequest,
                AkeylessJsonContext.Default.ListItemsResponse, null, cancellationToken).ConfigureAwait(false);
            yield return page;
            pageToken = string.IsNullOrEmpty(page.NextPage) || page.NextPage == pageToken ? null : page.NextPage;
            if (pageToken is not null && !(seenTokens ??= new(StringComparer.Ordinal)).Add(pageToken))
            {
                // A token handed out twice would page in a circle, for ever.
                throw new AkeylessProtocolException(
                    $"Listing {Errors.Internal.Quote.Of(folder)} came back to a page it had already read (the service repeated a next_page token); the listing was stopped.",
                    System.Net.HttpStatusCode.OK, CommandCatalog.ListItems, folder);
            }
        }
        while (pageToken is not null);
    }
}
