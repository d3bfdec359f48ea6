namespace AkeylessSharp.Emulator.Auth;

/// <summary>Item and folder path rules: a leading <c>/</c> is optional on input and always present when stored.</summary>
internal static class ItemPath
{
    public static string Normalize(string name)
    {
        var trimmed = name.Trim();
        return trimmed.StartsWith('/') ? trimmed : "/" + trimmed;
    }

    /// <summary>Normalizes a folder path for prefix tests: leading and trailing <c>/</c>.</summary>
    public static string Folder(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Trim() == "/")
        {
            return "/";
        }

        var p = Normalize(path);
        return p.EndsWith('/') ? p : p + "/";
    }
}
