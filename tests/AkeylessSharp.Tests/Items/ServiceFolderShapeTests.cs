using System.Text;
using System.Text.Json.Nodes;
using AkeylessSharp.Tests.Infrastructure.Faults;

namespace AkeylessSharp.Tests.Items;

/// <summary>
/// Sub-folders as a real service may list them: ending in '/' (as the clearskies source says Akeyless answers), and
/// repeated on every page of one listing. Each is named once, relative to the folder.
/// </summary>
public sealed class ServiceFolderShapeTests : IAsyncLifetime
{
    private ProxiedEmulator _proxied = null!;

    public async Task InitializeAsync() => _proxied = await ProxiedEmulator.StartAsync();

    public async Task DisposeAsync() => await _proxied.DisposeAsync();

    [Fact]
    public async Task ListSubfoldersAsync_FoldersRepeatedOnEveryPage_NamesEachOnce()
    {
        var answers = 0;
        _proxied.Proxy.EditAnswers("list-items", answer =>
        {
            answer["folders"] = new JsonArray("/app/db", "/app/sub");
            answer["next_page"] = Interlocked.Increment(ref answers) == 1 ? Token("/app/config") : "";
        });
        using var client = _proxied.Client();

        var names = await client.ListSubfoldersAsync("/app");

        Assert.Equal(["db", "sub"], names.Order());
        Assert.Equal(2, _proxied.Count("list-items"));
    }

    [Fact]
    public async Task ListSubfoldersAsync_FoldersEndingInASlash_AreNamedWithoutIt()
    {
        _proxied.Proxy.EditAnswers("list-items", answer => answer["folders"] = new JsonArray("/app/db/", "/app/sub/"));
        using var client = _proxied.Client();

        var names = await client.ListSubfoldersAsync("/app");

        Assert.Equal(["db", "sub"], names.Order());
    }

    private static string Token(string lastName) =>
        "pg1." + Convert.ToBase64String(Encoding.UTF8.GetBytes(lastName)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
