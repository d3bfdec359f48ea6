namespace AkeylessSharp.Configuration.Tests;

public class AkeylessSecretManagerTests
{
    [Theory]
    [InlineData("/app/prod/Db/Password", "/app/prod", "Db:Password")]
    [InlineData("/app/prod/Db/Password", "/app/prod/", "Db:Password")]
    [InlineData("/shared/smtp/host", null, "shared:smtp:host")]
    [InlineData("/app/prod/Key", "/", "app:prod:Key")]
    [InlineData("/other/Key", "/app", "other:Key")]
    public void GetKey_Path_StripsBaseAndUsesColons(string path, string? basePath, string expected) =>
        Assert.Equal(expected, AkeylessSecretManager.Default.GetKey(path, basePath));

    [Fact]
    public void Load_AnyItem_IsTrueByDefault() =>
        Assert.True(AkeylessSecretManager.Default.Load(new AkeylessItem { Name = "/x" }));
}
