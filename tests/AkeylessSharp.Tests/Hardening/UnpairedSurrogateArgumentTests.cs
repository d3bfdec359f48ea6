using AkeylessSharp.Caching;
using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Hardening;

/// <summary>
/// Text holding an unpaired surrogate (half of a UTF-16 pair) would be serialized as U+FFFD: another path read, a
/// changed value stored, without a word. Every such argument fails at once, naming the parameter, and sends nothing.
/// </summary>
public sealed class UnpairedSurrogateArgumentTests : IAsyncLifetime
{
    private const string Broken = "x\ud800y";
    private static readonly Dictionary<string, string> s_brokenArgument = new() { ["region"] = Broken };

    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    public static TheoryData<string, bool> Calls()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in s_calls.Keys)
        {
            data.Add(name, false);
            data.Add(name, true);
        }

        return data;
    }

    private static readonly Dictionary<string, (string Parameter, Func<IAkeylessClient, Task> Call)> s_calls = new(StringComparer.Ordinal)
    {
        ["GetSecretAsync path"] = ("path", c => c.GetSecretAsync("/app/" + Broken).AsTask()),
        ["GetSecretAsync JsonAttribute"] = ("options", c => c.GetSecretAsync(EmulatorHarness.JsonPath, new SecretRequestOptions { JsonAttribute = "db." + Broken }).AsTask()),
        ["GetSecretsAsync paths"] = ("paths", c => c.GetSecretsAsync([EmulatorHarness.StaticPath, "/app/" + Broken])),
        ["GetDynamicSecretAsync path"] = ("path", c => c.GetDynamicSecretAsync("/dyn/" + Broken)),
        ["GetDynamicSecretAsync argument"] = ("options", c => c.GetDynamicSecretAsync(EmulatorHarness.DynamicPath, new DynamicSecretRequestOptions { Arguments = s_brokenArgument })),
        ["GetDynamicSecretAsync target"] = ("options", c => c.GetDynamicSecretAsync(EmulatorHarness.DynamicPath, new DynamicSecretRequestOptions { Target = Broken })),
        ["GetRotatedSecretAsync host"] = ("options", c => c.GetRotatedSecretAsync(EmulatorHarness.RotatedPath, new RotatedSecretRequestOptions { Host = Broken })),
        ["GetAsync path"] = ("path", c => c.GetAsync("/rot/" + Broken)),
        ["CreateSecretAsync path"] = ("path", c => c.CreateSecretAsync("/new/" + Broken, "v")),
        ["CreateSecretAsync value"] = ("value", c => c.CreateSecretAsync("/new/secret", "pass" + Broken)),
        ["CreateSecretAsync tag"] = ("options", c => c.CreateSecretAsync("/new/secret", "v", new CreateSecretOptions { Tags = ["env:" + Broken] })),
        ["UpdateSecretValueAsync value"] = ("value", c => c.UpdateSecretValueAsync(EmulatorHarness.StaticPath, "pass" + Broken)),
        ["UpsertSecretAsync description"] = ("options", c => c.UpsertSecretAsync("/new/secret", "v", new CreateSecretOptions { Description = Broken })),
        ["DeleteItemAsync path"] = ("path", c => c.DeleteItemAsync("/app/" + Broken)),
        ["DescribeItemAsync path"] = ("path", c => c.DescribeItemAsync("/app/" + Broken)),
        ["ListSecretsAsync path"] = ("path", c => c.ListSecretsAsync("/app/" + Broken)),
        ["ListItemsAsync path"] = ("path", c => c.ListItemsAsync("/app/" + Broken).ToListAsync().AsTask()),
        ["ListItemsAsync filter"] = ("options", c => c.ListItemsAsync("/app", new ListItemsOptions { Filter = Broken }).ToListAsync().AsTask()),
        ["ListItemsAsync tag"] = ("options", c => c.ListItemsAsync("/app", new ListItemsOptions { Tag = Broken }).ToListAsync().AsTask()),
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Call_ArgumentWithAnUnpairedSurrogate_ThrowsArgumentNamingIt_AndSendsNothing(string call, bool cached)
    {
        using var client = _harness.Client(o => o.Cache = cached ? new AkeylessCacheOptions { BatchingEnabled = false } : null);
        await client.TestConnectionAsync();
        _harness.Emulator.Counters.Reset();
        var (parameter, run) = s_calls[call];

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => run(client));

        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains("unpaired surrogate", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pass", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_harness.Emulator.Counters.Snapshot(), c => c.Value > 0);
    }
}
