using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Items;

public sealed class ItemOperationTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task DescribeItemAsync_StaticSecret_MapsMetadata()
    {
        using var client = _harness.Client();

        var item = await client.DescribeItemAsync(EmulatorHarness.StaticPath);

        Assert.Equal(EmulatorHarness.StaticPath, item.Name);
        Assert.Equal(AkeylessItemType.StaticSecret, item.Type);
        Assert.Equal(2, item.LastVersion);
        Assert.Equal("db password", item.Description);
        Assert.Contains("env:test", item.Tags);
        Assert.Equal("text", item.Format);
        Assert.NotNull(item.CreatedOn);
        Assert.Equal(2, item.Versions.Count);
    }

    [Fact]
    public async Task DescribeItemAsync_Missing_ThrowsNotFound()
    {
        using var client = _harness.Client();

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.DescribeItemAsync("/missing"));
    }

    [Fact]
    public async Task ListItemsAsync_Root_WalksEveryFolder()
    {
        using var client = _harness.Client();

        var names = await client.ListItemsAsync("/").Select(i => i.Name).ToListAsync();

        Assert.Contains(EmulatorHarness.StaticPath, names);
        Assert.Contains("/app/sub/deeper", names);
        Assert.Contains(EmulatorHarness.DynamicPath, names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task ListItemsAsync_ServiceListsSubtree_NoRequestPerFolder()
    {
        using var client = _harness.Client();
        _harness.Emulator.Counters.Reset();

        var names = await client.ListItemsAsync("/").Select(i => i.Name).ToListAsync();

        Assert.Contains("/app/sub/deeper", names);
        Assert.Equal(1, _harness.Emulator.Counters.Get("list-items"));
    }

    [Fact]
    public async Task ListItemsAsync_TypeFilter_OnlyThatType()
    {
        using var client = _harness.Client();

        var items = await client.ListItemsAsync("/", new ListItemsOptions { Types = [AkeylessItemType.RotatedSecret] }).ToListAsync();

        Assert.Equal(EmulatorHarness.RotatedPath, Assert.Single(items).Name);
    }

    [Fact]
    public async Task ListItemsAsync_ManyItemsAcrossPages_FollowsNextPage()
    {
        await using var paged = await Emulator.AkeylessEmulator.StartAsync(new Emulator.AkeylessEmulatorOptions { DefaultPageSize = 10 });
        using var client = new AkeylessClient(new AkeylessClientOptions { ApiUrl = paged.BaseUrl.ToString(), AccessId = paged.AccessId, AccessKey = paged.AccessKey });
        for (var i = 0; i < 25; i++)
        {
            await client.CreateSecretAsync($"/bulk/s{i:D2}", "v");
        }

        paged.Counters.Reset();
        var items = await client.ListItemsAsync("/bulk").ToListAsync();

        Assert.Equal(25, items.Count);
        Assert.Equal(3, paged.Counters.Get("list-items"));
    }

    [Theory]
    [InlineData("/app")]
    [InlineData("/app/")]
    [InlineData("app")]
    public async Task ListSecretsAsync_AnyTrailingSlash_ReturnsRelativeNames(string path)
    {
        using var client = _harness.Client();

        var names = await client.ListSecretsAsync(path);

        Assert.Equal(["config", "other"], names.Order());
    }

    [Theory]
    [InlineData("/app")]
    [InlineData("/app/")]
    public async Task ListSubfoldersAsync_AnyTrailingSlash_ReturnsRelativeNames(string path)
    {
        using var client = _harness.Client();

        var names = await client.ListSubfoldersAsync(path);

        Assert.Equal(["db", "sub"], names.Order());
    }

    [Fact]
    public async Task GetPermissionsAsync_FullAndReadOnly_ReflectRoles()
    {
        using var admin = _harness.Client();
        using var reader = _harness.Client(o => { o.AccessId = TestCredentials.ReaderAccessId; o.AccessKey = TestCredentials.ReaderAccessKey; });

        var all = await admin.GetPermissionsAsync(EmulatorHarness.StaticPath);
        var readOnly = await reader.GetPermissionsAsync(EmulatorHarness.StaticPath);

        Assert.Equal(AkeylessPermissions.Read | AkeylessPermissions.List | AkeylessPermissions.Write | AkeylessPermissions.Delete, all);
        Assert.Equal(AkeylessPermissions.Read | AkeylessPermissions.List, readOnly);
    }
}
