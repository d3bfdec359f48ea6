using Microsoft.Extensions.Configuration;
using System.Globalization;
using AkeylessSharp.Configuration.Tests.TestSupport;

namespace AkeylessSharp.Configuration.Tests.Provider;

public class LoadCostTests
{
    [Theory]
    [InlineData(1000, 100, 10)]
    [InlineData(1000, 250, 4)]
    [InlineData(101, 100, 2)]
    [InlineData(1, 100, 1)]
    public void Load_NSecrets_OneListingAndCeilingOfNOverBatchReads(int n, int batchSize, int expectedReads)
    {
        var client = new FakeAkeylessClient();
        for (var i = 0; i < n; i++)
        {
            client.Set($"/bulk/s{i.ToString("D4", CultureInfo.InvariantCulture)}", i.ToString(CultureInfo.InvariantCulture));
        }

        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.BasePaths.Add("/bulk"); o.BatchSize = batchSize; });

        Assert.Equal(1, client.ListRequests);
        Assert.Equal(expectedReads, client.GetSecretsRequests);
        Assert.Equal(0, client.TryGetRequests);
        Assert.Equal("999", n == 1000 ? config["s0999"] : "999");
    }

    [Fact]
    public void Load_ReferencesAndListedSecrets_ShareTheBatches()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a").Set("/prod/db/conn", "Server=x");
        using var h = new ProviderHarness(client);

        var config = h.Build(
            o => o.BasePaths.Add("/app"),
            b => b.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Db"] = "akeyless:/prod/db/conn" }));

        Assert.Equal("Server=x", config["ConnectionStrings:Db"]);
        Assert.Equal(1, client.GetSecretsRequests);
        Assert.Equal([2], client.BatchSizes);
    }
}
