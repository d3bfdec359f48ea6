using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>The tool's README (<c>src/AkeylessSharp.Cli/README.md</c>) in the repository this test runs from.</summary>
internal static class CliReadme
{
    public static string Text() => Repository.ReadText("src", "AkeylessSharp.Cli", "README.md");

    /// <summary>The body rows of the first table after the heading <paramref name="heading"/>, split into cells.</summary>
    public static IReadOnlyList<string[]> Table(string heading)
    {
        string text = Text();
        int start = text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the CLI README has no '{heading}' section");
        return MarkdownTable.Rows(text[start..]);
    }
}
