using System.Text.Json.Nodes;
using AkeylessSharp.Tests.Infrastructure;
using AkeylessSharp.Tests.Infrastructure.Faults;

namespace AkeylessSharp.Tests.Http;

/// <summary>
/// Answers that are valid JSON but not quite the shape the API describes: a null inside a list of strings or objects
/// is skipped (it carries nothing), a field that is not what it should be is a protocol error naming the item; never
/// an exception from the parser. A producer's error answer is the caller's error, without the arguments it quotes.
/// </summary>
public sealed class MalformedAnswerShapeTests : IAsyncLifetime
{
    private ProxiedEmulator _proxied = null!;

    public async Task InitializeAsync() => _proxied = await ProxiedEmulator.StartAsync();

    public async Task DisposeAsync() => await _proxied.DisposeAsync();

    [Fact]
    public async Task GetRotatedSecretAsync_VersionInValueNotAWholeNumber_ThrowsProtocolErrorNamingPath()
    {
        _proxied.Proxy.EditAnswers("get-rotated-secret-value", answer => answer["value"]!["version"] = 1.5);
        using var client = _proxied.Client();

        var ex = await Assert.ThrowsAsync<AkeylessProtocolException>(() => client.GetRotatedSecretAsync(EmulatorHarness.RotatedPath));

        Assert.Contains("'version'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(EmulatorHarness.RotatedPath, ex.Path);
    }

    [Fact]
    public async Task GetPermissionsAsync_NullInClientPermissions_IgnoresIt()
    {
        _proxied.Proxy.EditAnswers("describe-permissions", answer => answer["client_permissions"] = new JsonArray("read", null, "list"));
        using var client = _proxied.Client();

        var permissions = await client.GetPermissionsAsync(EmulatorHarness.StaticPath);

        Assert.Equal(AkeylessPermissions.Read | AkeylessPermissions.List, permissions);
    }

    [Fact]
    public async Task DescribeItemAsync_NullInItemVersions_IsSkipped()
    {
        _proxied.Proxy.EditAnswers("describe-item", answer => answer["item_versions"] = new JsonArray(null, new JsonObject { ["version"] = 1 }));
        using var client = _proxied.Client();

        var item = await client.DescribeItemAsync(EmulatorHarness.StaticPath);

        Assert.Equal(1, Assert.Single(item.Versions).Version);
    }

    [Fact]
    public async Task DescribeItemAsync_NullInItemTags_IsSkipped()
    {
        _proxied.Proxy.EditAnswers("describe-item", answer => answer["item_tags"] = new JsonArray(null, "env:prod"));
        using var client = _proxied.Client();

        var item = await client.DescribeItemAsync(EmulatorHarness.StaticPath);

        Assert.Equal("env:prod", Assert.Single(item.Tags));
    }

    [Fact]
    public async Task ListItemsAsync_NullInItems_ListsTheOthers()
    {
        using var direct = _proxied.Harness.Client();
        var expected = await NamesAsync(direct);
        _proxied.Proxy.EditAnswers("list-items", answer => answer["items"]!.AsArray().Add(null));
        using var client = _proxied.Client();

        var names = await NamesAsync(client);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task ListSecretsAsync_NullInItems_ListsTheOthers()
    {
        using var direct = _proxied.Harness.Client();
        var expected = await direct.ListSecretsAsync("/app");
        _proxied.Proxy.EditAnswers("list-items", answer => answer["items"]!.AsArray().Add(null));
        using var client = _proxied.Client();

        var names = await client.ListSecretsAsync("/app");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task GetDynamicSecretAsync_ProducerErrorQuotingAnArgument_IsScrubbedFromTheException()
    {
        const string Secret = "hunter2-producer-arg";
        _proxied.Proxy.EditAnswers("get-dynamic-secret-value", answer =>
        {
            answer.Clear();
            answer["value"] = "";
            answer["error"] = $"producer rejected args: password={Secret}";
        });
        using var client = _proxied.Client();
        var options = new DynamicSecretRequestOptions { Arguments = new Dictionary<string, string> { ["password"] = Secret } };

        var ex = await Assert.ThrowsAsync<AkeylessException>(() => client.GetDynamicSecretAsync(EmulatorHarness.DynamicPath, options));

        Assert.Contains("producer rejected args", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.ServiceMessage, StringComparison.Ordinal);
    }

    private static async Task<List<string>> NamesAsync(AkeylessClient client)
    {
        var names = new List<string>();
        await foreach (var item in client.ListItemsAsync("/app"))
        {
            names.Add(item.Name);
        }

        return names;
    }
}
