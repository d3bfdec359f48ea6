using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Storage;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Commands;

/// <summary>
/// <c>update-secret-val</c> checks the item type and appends the version in one step under the write lock: a static
/// secret replaced by another kind of item while the update waits for the lock is not written to.
/// </summary>
public sealed class UpdateSecretReplacedItemTests : EmulatorTestBase
{
    private const string Name = "/race/replaced";

    [Fact]
    public async Task UpdateSecretValue_ItemReplacedByARotatedSecretWhileWaiting_Returns400AndLeavesItUnchanged()
    {
        (await Client.PostAsync("create-secret", new JsonObject { ["name"] = Name, ["value"] = "one" })).AssertStatus(HttpStatusCode.OK);
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var store = Emulator.State.Items;

        // Holds the write lock, then swaps the static secret for a rotated one (a delete and a create in one write).
        var replace = Task.Run(() => store.MutateAsync(Name, current =>
        {
            holding.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            return current! with { Id = store.NextId(), Type = ItemTypes.Rotated };
        }));
        Assert.True(await Task.Run(() => holding.Wait(TimeSpan.FromSeconds(10))), "the replacement never took the write lock");
        var update = Client.PostAsync("update-secret-val", new JsonObject { ["name"] = Name, ["value"] = "two" });
        await WaitUntilAsync(() => Emulator.Counters.Get("update-secret-val") == 1);
        await Task.Delay(200); // lets the update pass its lock-free checks and queue on the write lock (only makes the old defect show)
        release.Set();
        await replace;

        var r = await update;

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("ROTATED_SECRET", r.Error, StringComparison.Ordinal);
        var item = store.Get(Name)!;
        Assert.Equal(ItemTypes.Rotated, item.Type);
        Assert.Equal(["one"], item.Versions.Select(v => v.Value));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
