using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>Messages that carry a count read right when the count is 1 ("1 roles" is a walkthrough finding).</summary>
public sealed partial class CountWordingTests
{
    [Fact]
    public async Task StartAsync_SeedOfOneOfEach_LogsNoPluralAfterOne()
    {
        var seed = """
            {
              "authMethods": [ { "name": "/m", "type": "access_key", "accessKey": "a2V5" } ],
              "roles": [ { "name": "r", "authMethods": [ "/m" ] } ],
              "items": [ { "name": "/one", "value": "v" } ]
            }
            """;
        using var provider = new FakeLoggerProvider();

        await using (await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = seed, ConfigureLogging = l => l.AddProvider(provider) }))
        {
        }

        var line = Assert.Single(provider.Collector.GetSnapshot(), r => r.Id.Id == 7).Message;
        Assert.DoesNotMatch(OneThenPlural(), line);
        Assert.Contains("roles: 1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SeedOverALimitOfOne_NoPluralAfterOne()
    {
        var seed = """{ "items": [ { "name": "/a", "value": "1" }, { "name": "/b", "value": "2" } ] }""";

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = seed, MaxItems = 1 }));

        Assert.Contains("MaxItems = 1", e.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch(OneThenPlural(), e.Message);
    }

    [GeneratedRegex(@"\b1 (?!ms\b)(?:[a-z]+ )?[a-z]+s\b")]
    private static partial Regex OneThenPlural();
}
