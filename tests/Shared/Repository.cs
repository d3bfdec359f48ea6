namespace AkeylessSharp.Tests.Shared;

/// <summary>The repository a test runs from: the folder above its build output that holds <c>AkeylessSharp.slnx</c>.</summary>
internal static class Repository
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    /// <summary>A file of the repository, by its path relative to the root.</summary>
    public static string ReadText(params string[] relativePath) =>
        File.ReadAllText(Path.Combine([Root, .. relativePath])).ReplaceLineEndings("\n");

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
