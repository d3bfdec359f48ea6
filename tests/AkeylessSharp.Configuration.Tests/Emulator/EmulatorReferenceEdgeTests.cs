using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Emulator;

/// <summary>Odd <c>akeyless:</c> references in other sources, resolved against the emulator.</summary>
public class EmulatorReferenceEdgeTests
{
    public static TheoryData<string> OddReferences() => new()
    {
        "akeyless:/app/with space",
        "akeyless:/app/../etc/passwd",
        "akeyless:/app/" + new string('x', 5000),
        "akeyless:/app/tab\there",
        "akeyless:/app/nul\u0000byte",
        "akeyless:/app/emoji-\U0001F511",
        "akeyless:relative/name",
        "akeyless:///app//double",
        "akeyless:/app/Good?query=1",
        "AKEYLESS:/app/percent%2Fencoded",
    };

    [Theory]
    [MemberData(nameof(OddReferences))]
    public async Task Load_AnOddReference_NeverFailsTheLoad_AndTheOthersResolve(string reference)
    {
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string> { ["/app/Good"] = "good" });
        using var h = new ProviderHarness(fx.Client());

        var config = h.Build(
            o => { },
            b => b.AddInMemoryCollection(new Dictionary<string, string?> { ["Odd"] = reference, ["Fine"] = "akeyless:/app/Good" }));

        Assert.Equal("good", config["Fine"]);
        Assert.Null(h.Provider.LastError);
        Assert.Null(config["Odd"]);
        Assert.Single(h.Provider.Problems);
    }

    [Fact]
    public async Task Load_AReferenceAkeylessRejects_IsAProblemNamingTheKey_AndTheRestOfItsBatchResolves()
    {
        var tooLong = "/app/" + new string('x', 5000);
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string> { ["/app/A"] = "a", ["/app/B"] = "b", ["/listed/C"] = "c" });
        using var h = new ProviderHarness(fx.Client());

        var config = h.Build(
            o => { o.BasePaths.Add("/listed"); o.Paths.Add(tooLong); },
            b => b.AddInMemoryCollection(new Dictionary<string, string?> { ["First"] = "akeyless:/app/A", ["Odd"] = "akeyless:" + tooLong, ["Second"] = "akeyless:/app/B" }));

        Assert.Equal("a", config["First"]);
        Assert.Equal("b", config["Second"]);
        Assert.Equal("c", config["C"]);
        Assert.Null(config["Odd"]);
        Assert.Null(h.Provider.LastError);
        Assert.Equal(2, h.Provider.Problems.Count);
        Assert.Contains(h.Provider.Problems, p => p.StartsWith("Secret reference 'Odd'", StringComparison.Ordinal));
        Assert.Contains(h.Provider.Problems, p => p.StartsWith("An entry of Paths", StringComparison.Ordinal));
        Assert.Contains(h.LogRecords, r => r.Id.Id == 6020);
    }

    [Fact]
    public async Task Load_ALongNameAkeylessRejects_TheProblemQuotesItsStartAndLength()
    {
        var tooLong = "/app/" + new string('x', 5000);
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string> { ["/app/A"] = "a" });
        using var h = new ProviderHarness(fx.Client());

        h.Build(o => { }, b => b.AddInMemoryCollection(new Dictionary<string, string?> { ["Odd"] = "akeyless:" + tooLong, ["First"] = "akeyless:/app/A" }));

        var problem = Assert.Single(h.Provider.Problems);
        Assert.True(problem.Length < 500, $"{problem.Length} characters");
        Assert.Contains("(5005 characters)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_AkeylessRejectingListedNames_StillFailsTheReload_AndKeepsTheValues()
    {
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string> { ["/listed/A"] = "a", ["/listed/B"] = "b" });
        var writer = fx.Client();
        using var h = new ProviderHarness(fx.Client());
        var config = h.Build(o => o.BasePaths.Add("/listed"));
        await writer.UpdateSecretValueAsync("/listed/A", "a2");
        await writer.UpdateSecretValueAsync("/listed/B", "b2");
        fx.Emulator.Faults.FailNext("get-secret-value", 5, 400);

        Assert.False(await h.Provider.ReloadAsync());

        Assert.IsType<AkeylessBadRequestException>(h.Provider.LastError);
        Assert.Equal("a", config["A"]);
        Assert.Equal("b", config["B"]);
    }
}
