using AkeylessSharp.Cli.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Cli.Tests.Settings;

/// <summary>A <c>--seed</c> that names a folder is reported as a folder, not as a file that does not exist.</summary>
public sealed class SeedPathTests : IDisposable
{
    private readonly TempDirectory _folder = new("akeyless-sharp-seed-");

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("get", "/x", "--emulator")]
    [InlineData("serve", "--port", "0")]
    public async Task Seed_IsAFolder_UsageErrorSaysItIsAFolder(params string[] args)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), [.. args, "--seed", _folder.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a directory", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", result.Error, StringComparison.Ordinal);
    }
}
