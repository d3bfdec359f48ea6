using AkeylessSharp.Internal;

namespace AkeylessSharp.Tests.Internal;

public class BoundedMemoTests
{
    [Fact]
    public void For_BuildsAKeyOnce_WithinCapacity()
    {
        var builds = 0;
        var memo = new BoundedMemo<string>(2, key => { builds++; return "v:" + key; });

        Assert.Equal("v:a", memo.For("a"));
        Assert.Same(memo.For("a"), memo.For("a"));

        Assert.Equal(1, builds);
    }

    [Fact]
    public void For_PastCapacity_BuildsPerCall_AndStillAnswersRight()
    {
        var builds = new Dictionary<string, int>();
        var memo = new BoundedMemo<string>(2, key => { builds[key] = builds.GetValueOrDefault(key) + 1; return "v:" + key; });
        memo.For("a");
        memo.For("b");

        Assert.Equal("v:c", memo.For("c"));
        Assert.Equal("v:c", memo.For("c"));
        memo.For("a");

        Assert.Equal(2, builds["c"]);
        Assert.Equal(1, builds["a"]);
    }
}
