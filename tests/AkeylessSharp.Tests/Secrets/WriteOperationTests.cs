using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Secrets;

public sealed class WriteOperationTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task CreateSecretAsync_NewPath_StoresValueAndMetadata()
    {
        using var client = _harness.Client();

        await client.CreateSecretAsync("/new/one", "v1", new CreateSecretOptions { Description = "d", Tags = ["t1"] });

        Assert.Equal("v1", await client.GetSecretAsync("/new/one"));
        var item = await client.DescribeItemAsync("/new/one");
        Assert.Equal("d", item.Description);
        Assert.Equal(["t1"], item.Tags);
    }

    [Fact]
    public async Task CreateSecretAsync_ExistingPath_ThrowsConflict()
    {
        using var client = _harness.Client();

        var ex = await Assert.ThrowsAnyAsync<AkeylessException>(() => client.CreateSecretAsync(EmulatorHarness.StaticPath, "x"));

        Assert.True(ex is AkeylessConflictException or AkeylessBadRequestException, ex.GetType().Name);
    }

    [Fact]
    public async Task UpdateSecretValueAsync_Existing_AddsVersion()
    {
        using var client = _harness.Client();

        await client.UpdateSecretValueAsync(EmulatorHarness.StaticPath, "v3");

        Assert.Equal("v3", await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Equal(3, (await client.DescribeItemAsync(EmulatorHarness.StaticPath)).LastVersion);
    }

    [Fact]
    public async Task UpdateSecretValueAsync_Existing_KeepsDescriptionTagsAndFormat()
    {
        using var client = _harness.Client();
        await client.CreateSecretAsync("/new/kept", """{"a":1}""", new CreateSecretOptions { Description = "d", Tags = ["t1", "t2"], Format = "json" });

        await client.UpdateSecretValueAsync("/new/kept", """{"a":2}""");

        var item = await client.DescribeItemAsync("/new/kept");
        Assert.Equal(2, item.LastVersion);
        Assert.Equal("d", item.Description);
        Assert.Equal(["t1", "t2"], item.Tags);
        Assert.Equal("json", item.Format);
    }

    [Fact]
    public async Task UpdateSecretValueAsync_WithoutKeepingPreviousVersion_LeavesOnlyTheNewOne()
    {
        using var client = _harness.Client();
        await client.CreateSecretAsync("/new/single", "v1");

        await client.UpdateSecretValueAsync("/new/single", "v2", keepPreviousVersion: false);

        Assert.Equal(2, Assert.Single((await client.DescribeItemAsync("/new/single")).Versions).Version);
        Assert.Equal("v2", await client.GetSecretAsync("/new/single"));
        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretAsync("/new/single", new SecretRequestOptions { Version = 1 }).AsTask());
    }

    [Fact]
    public async Task UpdateSecretValueAsync_Missing_ThrowsNotFound()
    {
        using var client = _harness.Client();

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.UpdateSecretValueAsync("/missing", "v"));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\n")]
    [InlineData(" \t ")]
    public async Task WhiteSpaceValue_IsStoredAsGiven_LikeTheService(string value)
    {
        using var client = _harness.Client();

        await client.CreateSecretAsync("/blank/created", value);
        await client.UpdateSecretValueAsync(EmulatorHarness.StaticPath, value);
        await client.UpsertSecretAsync("/blank/upserted", value);

        Assert.Equal(value, await client.GetSecretAsync("/blank/created"));
        Assert.Equal(value, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Equal(value, await client.GetSecretAsync("/blank/upserted"));
    }

    [Fact]
    public async Task EmptyValue_IsRefusedByNameBeforeAnyRequest()
    {
        using var client = _harness.Client();

        var errors = new[]
        {
            await Assert.ThrowsAsync<ArgumentException>("value", () => client.CreateSecretAsync("/empty/created", "")),
            await Assert.ThrowsAsync<ArgumentException>("value", () => client.UpdateSecretValueAsync(EmulatorHarness.StaticPath, "")),
            await Assert.ThrowsAsync<ArgumentException>("value", () => client.UpsertSecretAsync("/empty/upserted", "")),
        };

        Assert.All(errors, e => Assert.Contains("value is empty", e.Message, StringComparison.Ordinal));
        Assert.Equal(0, _harness.Emulator.Counters.Get("create-secret") + _harness.Emulator.Counters.Get("update-secret-val"));
    }

    [Fact]
    public async Task UpsertSecretAsync_Missing_Creates()
    {
        using var client = _harness.Client();

        await client.UpsertSecretAsync("/upsert/new", "v1");

        Assert.Equal("v1", await client.GetSecretAsync("/upsert/new"));
        Assert.Equal(1, _harness.Emulator.Counters.Get("create-secret"));
    }

    [Fact]
    public async Task UpsertSecretAsync_Existing_UpdatesWithoutCreate()
    {
        using var client = _harness.Client();

        await client.UpsertSecretAsync(EmulatorHarness.StaticPath, "v-up");

        Assert.Equal("v-up", await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Equal(0, _harness.Emulator.Counters.Get("create-secret"));
    }

    [Fact]
    public async Task UpsertSecretAsync_Forbidden_DoesNotCreate()
    {
        using var client = _harness.Client(o => { o.AccessId = TestCredentials.ReaderAccessId; o.AccessKey = TestCredentials.ReaderAccessKey; });

        await Assert.ThrowsAsync<AkeylessForbiddenException>(() => client.UpsertSecretAsync("/app/new", "v"));

        Assert.Equal(0, _harness.Emulator.Counters.Get("create-secret"));
    }

    [Fact]
    public async Task UpsertSecretAsync_ServerError_DoesNotCreate()
    {
        using var client = _harness.Client();
        _harness.Emulator.Faults.FailNext("update-secret-val", 1, 500);

        await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => client.UpsertSecretAsync("/upsert/err", "v"));

        Assert.Equal(0, _harness.Emulator.Counters.Get("create-secret"));
    }

    [Fact]
    public async Task DeleteItemAsync_Existing_RemovesIt()
    {
        using var client = _harness.Client();

        await client.DeleteItemAsync("/app/other");

        Assert.Null(await client.TryGetSecretAsync("/app/other"));
    }

    [Fact]
    public async Task DeleteItemAsync_Missing_ThrowsNotFound()
    {
        using var client = _harness.Client();

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.DeleteItemAsync("/missing"));
    }
}
