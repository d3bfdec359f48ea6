using System.Text.Json.Nodes;
using AkeylessSharp.Errors.Internal;
using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Errors;

/// <summary>Messages quote a caller's path whole when short, and only its start and length when long.</summary>
public sealed class QuotedPathTests : IAsyncLifetime
{
    private static readonly string s_megabytePath = "/" + new string('p', 1024 * 1024 - 1);

    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData(1, "'/'")]
    [InlineData(200, null)]
    public void Of_UpTo200Characters_QuotesWhole(int length, string? expected)
    {
        var path = "/" + new string('a', length - 1);

        Assert.Equal(expected ?? $"'{path}'", Quote.Of(path));
    }

    [Fact]
    public void Of_201Characters_Quotes200ThenEllipsisAndLength()
    {
        var path = "/" + new string('a', 199) + "b";

        Assert.Equal($"'{path[..200]}…' (201 characters)", Quote.Of(path));
    }

    [Fact]
    public void Of_SurrogatePairAtTheCut_KeepsThePairWhole()
    {
        var path = new string('a', 199) + "😀" + "tail";

        Assert.Equal($"'{new string('a', 199)}…' (205 characters)", Quote.Of(path));
    }

    [Fact]
    public void FromStatus_MegabytePath_MessageQuotesStartAndLengthOnly()
    {
        var ex = ExceptionFactory.FromStatus(System.Net.HttpStatusCode.Forbidden, "get-secret-value", s_megabytePath, null);

        Assert.True(ex.Message.Length < 500, $"{ex.Message.Length} characters");
        Assert.Contains($"'{s_megabytePath[..200]}…' (1048576 characters)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(s_megabytePath, ex.Path);
    }

    [Fact]
    public async Task GetSecretAsync_MegabytePathAgainstEmulator_MessageStaysShort()
    {
        using var client = _harness.Client();

        var ex = await Assert.ThrowsAnyAsync<AkeylessException>(() => client.GetSecretAsync(s_megabytePath).AsTask());

        Assert.True(ex.Message.Length < 1500, $"{ex.Message.Length} characters: {ex.Message[..300]}");
        Assert.Contains("(1048576 characters)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_MegabyteJsonAttribute_MessageStaysShort()
    {
        using var client = _harness.Client();

        var ex = await Assert.ThrowsAsync<AkeylessJsonAttributeException>(() =>
            client.GetSecretAsync(EmulatorHarness.JsonPath, new SecretRequestOptions { JsonAttribute = new string('x', 1024 * 1024) }).AsTask());

        Assert.True(ex.Message.Length < 1000, $"{ex.Message.Length} characters");
    }

    [Fact]
    public async Task InvokeAsync_UnknownCommand_SaysTheServiceDoesNotKnowIt()
    {
        using var client = _harness.Client();

        var ex = await Assert.ThrowsAsync<AkeylessException>(() => client.InvokeAsync("list-rolez", new JsonObject()));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Contains("does not know the command 'list-rolez'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Check the path", ex.Message, StringComparison.Ordinal);
        Assert.Equal("list-rolez", ex.Command);
    }

    [Fact]
    public async Task InvokeAsync_KnownCommandMissingItem_StillNotFound()
    {
        using var client = _harness.Client();

        var ex = await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.InvokeAsync("describe-item", new JsonObject { ["name"] = "/no/such" }));

        Assert.Contains("Check the path", ex.Message, StringComparison.Ordinal);
    }
}
