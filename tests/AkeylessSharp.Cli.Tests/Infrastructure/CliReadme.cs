namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>The tool's README (<c>src/AkeylessSharp.Cli/README.md</c>) in the repository this test runs from.</summary>
internal static class CliReadme
{
    public static string Text() => File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "AkeylessSharp.Cli", "README.md")).ReplaceLineEndings("\n");

    /// <summary>The body rows of the first Markdown table after the heading <paramref name="heading"/>, split into cells.</summary>
    public static IReadOnlyList<string[]> Table(string heading)
    {
        string text = Text();
        int start = text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the CLI README has no '{heading}' section");
        return text[start..].Split('\n')
            .SkipWhile(static line => !line.StartsWith('|'))
            .TakeWhile(static line => line.StartsWith('|'))
            .Skip(2)
            .Select(static line => line.Trim().Trim('|').Replace("\\|", "/", StringComparison.Ordinal).Split('|', StringSplitOptions.TrimEntries))
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AkeylessSharp.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AkeylessSharp.slnx above {AppContext.BaseDirectory}.");
    }
}
