namespace AkeylessSharp.Samples.Tests.Docs;

/// <summary>The repository this test runs from, and its README.</summary>
internal static class Readme
{
    public static string Root { get; } = FindRoot();

    /// <summary>The README from the first line containing <paramref name="marker"/> to its end.</summary>
    public static string Section(string marker)
    {
        string text = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        int start = text.IndexOf(marker, StringComparison.Ordinal);
        return start >= 0 ? text[start..] : throw new InvalidOperationException($"README.md has no '{marker}'.");
    }

    private static string FindRoot()
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
