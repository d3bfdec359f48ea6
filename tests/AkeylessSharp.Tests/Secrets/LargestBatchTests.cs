using System.Globalization;
using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Secrets;

/// <summary>
/// The largest answer a client asks for by itself: one uncached batch of 1,000 names, each value at the service's 16 KB
/// limit. It fits <see cref="AkeylessClientOptions.DefaultMaxResponseSize"/> with room to spare.
/// </summary>
public sealed class LargestBatchTests
{
    private const int Count = 1_000;
    private const int ValueBytes = 16 * 1024;

    private static readonly string[] s_names = Enumerable.Range(0, Count).Select(i => string.Create(CultureInfo.InvariantCulture, $"/big/{i:D4}")).ToArray();

    [Fact]
    public async Task GetSecretsAsync_1000ValuesOf16KB_AreReadInOneAnswerUnderTheDefaultLimit()
    {
        var items = Array.ConvertAll(s_names, name => (object)new { name, type = "static", value = name.PadRight(ValueBytes, 'x') });
        await using var harness = await EmulatorHarness.StartAsync(extraItems: items);
        using var client = harness.Client();
        await client.TestConnectionAsync();
        harness.Emulator.Counters.Reset();

        var values = await client.GetSecretsAsync(s_names);

        Assert.Equal(1, harness.Emulator.Counters.Get("get-secret-value"));
        Assert.Equal(Count, values.Count);
        Assert.All(s_names, name => Assert.Equal(name.PadRight(ValueBytes, 'x'), values[name]));
        Assert.True((long)Count * ValueBytes * 3 < AkeylessClientOptions.DefaultMaxResponseSize, "the default leaves three times this answer's room");
    }
}
