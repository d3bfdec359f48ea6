using AkeylessSharp.Configuration.Internal;

namespace AkeylessSharp.Configuration.Tests.Internal;

public class AirflowLayoutTests
{
    [Theory]
    [InlineData("/airflow/connections", "postgres_default", "/airflow/connections/postgres_default")]
    [InlineData("airflow/connections/", "/postgres_default", "/airflow/connections/postgres_default")]
    [InlineData("//airflow//connections//", "pg", "/airflow/connections/pg")]
    public void Candidates_NoTeam_JoinsBaseAndKeyWithSlashesNormalised(string basePath, string key, string expected) =>
        Assert.Equal([expected], new AirflowLayout(null, null, "/").Candidates(basePath, key));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Candidates_BasePathDisabled_IsEmpty(string? basePath) =>
        Assert.Empty(new AirflowLayout(null, null, "/").Candidates(basePath, "k"));

    [Fact]
    public void Candidates_Team_TriesTeamThenBase() =>
        Assert.Equal(["/v/blue/k", "/v/k"], new AirflowLayout("blue", null, "/").Candidates("/v", "k"));

    [Fact]
    public void Candidates_TeamAndGlobalPath_TriesTeamThenGlobal() =>
        Assert.Equal(["/v/blue/k", "/v/global/k"], new AirflowLayout("blue", "global", "/").Candidates("/v", "k"));

    [Theory]
    [InlineData("red/k")]
    [InlineData("../red/k")]
    public void Candidates_TeamAndKeyWithSeparator_IsRefused(string key) =>
        Assert.Throws<ArgumentException>(() => new AirflowLayout("blue", null, "/").Candidates("/v", key));

    [Fact]
    public void Candidates_NoTeamAndNestedKey_IsAllowed() =>
        Assert.Equal(["/v/red/k"], new AirflowLayout(null, null, "/").Candidates("/v", "red/k"));

    [Fact]
    public void Candidates_CustomSeparator_JoinsWithIt() =>
        Assert.Equal(["/v-blue-k", "/v-k"], new AirflowLayout("blue", null, "-").Candidates("/v", "k"));

    [Theory]
    [InlineData("/v/blue/k", true, "k", true)]
    [InlineData("/v/k", true, "k", false)]
    [InlineData("/v/red/k", false, "", false)]
    [InlineData("/v/blue/x/y", false, "", false)]
    [InlineData("/vv/k", false, "", false)]
    public void TryClassify_Team_KeepsOwnAndGlobalEntriesOnly(string path, bool ours, string key, bool isTeam)
    {
        var layout = new AirflowLayout("blue", null, "/");

        Assert.Equal(ours, layout.TryClassify("/v", path, out var k, out var team));
        if (ours)
        {
            Assert.Equal(key, k);
            Assert.Equal(isTeam, team);
        }
    }

    [Fact]
    public void TryClassify_TeamWithGlobalPath_IgnoresBaseLevelEntries()
    {
        var layout = new AirflowLayout("blue", "shared", "/");

        Assert.True(layout.TryClassify("/v", "/v/shared/k", out var key, out var team));
        Assert.Equal("k", key);
        Assert.False(team);
        Assert.False(layout.TryClassify("/v", "/v/k", out _, out _));
    }
}
