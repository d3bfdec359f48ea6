using System.Text.RegularExpressions;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Samples.Tests.Docs;

/// <summary>
/// Each src/*/README.md ships inside its package and is shown on nuget.org, where a link relative to the repository
/// leads nowhere: links are absolute, or anchors within the README.
/// </summary>
public sealed partial class PackageReadmeLinkTests
{
    public static TheoryData<string> PackageReadmes() =>
        [.. Directory.GetDirectories(Path.Combine(Repository.Root, "src"))
            .Where(static dir => File.Exists(Path.Combine(dir, "README.md")))
            .Select(static dir => Path.GetFileName(dir))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(PackageReadmes))]
    public void PackageReadme_Links_AreAbsoluteOrAnchors(string project)
    {
        var text = Repository.ReadText("src", project, "README.md");

        var relative = Link().Matches(text).Select(static m => m.Groups["target"].Value)
            .Where(static target => !target.StartsWith("https://", StringComparison.Ordinal) && !target.StartsWith('#'))
            .ToList();

        Assert.True(relative.Count == 0, $"src/{project}/README.md links to {string.Join(", ", relative)}, which nuget.org cannot follow.");
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
