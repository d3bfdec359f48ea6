using System.Text;
using System.Text.Json.Nodes;
using AkeylessSharp.Tests.Infrastructure.Faults;

namespace AkeylessSharp.Tests.Items;

/// <summary>A paged listing whose every page repeats the folder's sub-folders: each is named once.</summary>
public sealed class RepeatedFoldersTests : IAsyncLifetime
{
    private ProxiedEmulator _proxied = null!;

    public async Task InitializeAsync()
    {
        _proxied = await ProxiedEmulator.StartAsync();
        var answers = 0;
        _proxied.Proxy.EditAnswers("list-items", answer =>
        {
            answer["folders"] = new JsonArray("/app/db", "/app/sub");
            answer["next_page"] = Interlocked.Increment(ref answers) == 1 ? Token("/app/config") : "";
        });
    }

    public async Task DisposeAsync() => await _proxied.DisposeAsync();

    [Fact]
    public async Task ListSubfoldersAsync_FoldersRepeatedOnEveryPage_NamesEachOnce()
    {
        using var client = _proxied.Client();

        var names = await client.ListSubfoldersAsync("/app");

        Assert.Equal(["db", "sub"], names.Order());
        Assert.Equal(2, _proxied.Count("list-items"));
    }

    private static string Token(string lastName) =>
        "pg1." + Convert.ToBase64String(Encoding.UTF8.GetBytes(lastName)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
