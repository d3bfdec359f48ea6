using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Faults;

/// <summary>
/// Value-read counts live as long as their item: a long-running emulator whose clients create, read and delete
/// items under ever new names keeps no count per name ever read.
/// </summary>
public sealed class ValueReadCountTests : EmulatorTestBase
{
    [Fact]
    public async Task DeleteItem_WholeItem_DropsItsValueReadCount()
    {
        for (var i = 0; i < 50; i++)
        {
            var name = $"/churn/item-{i}";
            (await Client.PostAsync("create-secret", new JsonObject { ["name"] = name, ["value"] = "v" })).AssertStatus(HttpStatusCode.OK);
            (await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray(name) })).AssertStatus(HttpStatusCode.OK);
            Assert.Equal(1, Emulator.Counters.ValueReads(name));
            (await Client.PostAsync("delete-item", new JsonObject { ["name"] = name, ["version"] = -1 })).AssertStatus(HttpStatusCode.OK);
        }

        Assert.Equal(0, Emulator.Counters.ValueReadNames);
        Assert.Equal(0, Emulator.Counters.ValueReads("/churn/item-0"));
    }

    [Fact]
    public async Task DeleteItem_OneOfSeveralVersions_KeepsTheCount()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/kept", ["value"] = "1" });
        await Client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/kept", ["value"] = "2" });
        await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/kept") });

        (await Client.PostAsync("delete-item", new JsonObject { ["name"] = "/kept", ["version"] = 1 })).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(1, Emulator.Counters.ValueReads("/kept"));
    }
}
