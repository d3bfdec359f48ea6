namespace AkeylessSharp.Items.Internal;

/// <summary>Folder path arithmetic: one normal form (<c>/a/b</c>, root <c>/</c>) whatever slashes the caller used.</summary>
internal static class FolderPaths
{
    public static string Normalize(string? path)
    {
        var trimmed = (path ?? string.Empty).Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed;
    }

    /// <summary>The name of <paramref name="fullName"/> relative to <paramref name="folder"/>, or <see langword="null"/> when it is not inside it.</summary>
    public static string? Relative(string folder, string fullName)
    {
        var name = Normalize(fullName);
        var prefix = folder == "/" ? "/" : folder + "/";
        return name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length ? name[prefix.Length..] : null;
    }
}
