using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Samples.Tests.Docs;

/// <summary>The repository's README.</summary>
internal static class Readme
{
    /// <summary>The README from the first line containing <paramref name="marker"/> to its end.</summary>
    public static string Section(string marker)
    {
        string text = Repository.ReadText("README.md");
        int start = text.IndexOf(marker, StringComparison.Ordinal);
        return start >= 0 ? text[start..] : throw new InvalidOperationException($"README.md has no '{marker}'.");
    }
}
