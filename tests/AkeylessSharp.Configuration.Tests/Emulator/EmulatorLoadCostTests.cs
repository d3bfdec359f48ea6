using Microsoft.Extensions.Configuration;
using System.Globalization;
using AkeylessSharp.Configuration.Tests.TestSupport;

namespace AkeylessSharp.Configuration.Tests.Emulator;

public class EmulatorLoadCostTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(250)]
    public async Task Load_1000Secrets_OneListingAndCeilingOfNOverBatchReads(int batchSize)
    {
        var secrets = Enumerable.Range(0, 1000).ToDictionary(i => $"/bulk/s{i.ToString("D4", CultureInfo.InvariantCulture)}", i => $"value-{i}");
        await using var fx = await EmulatorFixture.StartAsync(secrets);
        using var h = new ProviderHarness(fx.Client());
        fx.Emulator.Counters.Reset();

        var config = h.Build(o => { o.BasePaths.Add("/bulk"); o.BatchSize = batchSize; });

        Assert.Equal(1000, config.AsEnumerable().Count(p => p.Value is not null));
        Assert.Equal("value-999", config["s0999"]);
        Assert.Equal(1, fx.Emulator.Counters.Get("list-items"));
        Assert.Equal((1000 + batchSize - 1) / batchSize, fx.Emulator.Counters.Get("get-secret-value"));
        Assert.Equal(0, fx.Emulator.Counters.Get("describe-item"));
    }

    [Fact]
    public async Task Load_ExplicitPathsWithoutListPermission_Work()
    {
        var secrets = new Dictionary<string, string> { ["/restricted/a"] = "x", ["/restricted/b"] = "y" };
        var authMethods = new object[] { new { name = "/reader", accessId = "p-reader00001", type = "access_key", accessKey = "cmVhZGVy" } };
        var roles = new object[] { new { name = "read-only", authMethods = new[] { "/reader" }, rules = new[] { new { path = "/restricted/*", capabilities = new[] { "read" } } } } };
        await using var fx = await EmulatorFixture.StartAsync(secrets, authMethods, roles);
        using var h = new ProviderHarness(fx.Client("p-reader00001", "cmVhZGVy"));

        var config = h.Build(o => { o.Paths.Add("/restricted/a"); o.Paths.Add("/restricted/b"); });

        Assert.Equal("x", config["restricted:a"]);
        Assert.Equal("y", config["restricted:b"]);
        Assert.Equal(0, fx.Emulator.Counters.Get("list-items"));
    }
}
