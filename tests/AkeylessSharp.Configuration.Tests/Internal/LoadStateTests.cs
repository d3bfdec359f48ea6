using AkeylessSharp.Configuration.Internal;

namespace AkeylessSharp.Configuration.Tests.Internal;

public class LoadStateTests
{
    private static readonly DateTimeOffset s_modified = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ItemIdentity s_stored = new(1, 100_001, s_modified);

    [Theory]
    [InlineData("same", true)]
    [InlineData("new version", false)]
    [InlineData("new item id (re-created)", false)]
    [InlineData("modified later", false)]
    [InlineData("no modification date", false)]
    [InlineData("not listed", false)]
    public void TryReuse_ReusesOnlyTheSameListedIdentity(string listing, bool reused)
    {
        var listed = listing switch
        {
            "same" => s_stored,
            "new version" => s_stored with { Version = 2 },
            "new item id (re-created)" => s_stored with { ItemId = 100_002 },
            "modified later" => s_stored with { ModifiedOn = s_modified.AddSeconds(1) },
            "no modification date" => s_stored with { ModifiedOn = null },
            _ => ItemIdentity.Unlisted,
        };
        var state = new LoadState(
            new Dictionary<string, string>(StringComparer.Ordinal) { ["/app/A"] = "value" },
            new Dictionary<string, ItemIdentity>(StringComparer.Ordinal) { ["/app/A"] = s_stored });

        Assert.Equal(reused, state.TryReuse("/app/A", listed, out var value));
        Assert.Equal(reused ? "value" : "", value);
    }
}
