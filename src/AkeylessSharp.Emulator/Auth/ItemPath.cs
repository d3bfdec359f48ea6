namespace AkeylessSharp.Emulator.Auth;

/// <summary>Item and folder path rules: a leading <c>/</c> is optional on input and always present when stored.</summary>
internal static class ItemPath
{
    /// <summary>The longest item, folder or auth method path the emulator accepts.</summary>
    public const int MaxLength = 1024;

    public static string Normalize(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length > MaxLength)
        {
            throw Wire.Errors.BadRequest($"invalid value for parameter name: a path longer than {MaxLength} characters");
        }

        return trimmed.StartsWith('/') ? trimmed : "/" + trimmed;
    }

    /// <summary>
    /// Normalizes the name of an item being created, which may be neither blank nor a folder path: <c>/</c>, or one
    /// ending in <c>/</c>, which list-items shows as a folder and no read could tell from one.
    /// </summary>
    public static string NewItemName(string name)
    {
        var normalized = Normalize(name);
        if (normalized == "/")
        {
            throw Wire.Errors.BadRequest(
                $"invalid value for parameter name: {(name.Trim().Length == 0 ? "a blank path" : "'/', the root folder,")} is not an item name; give a path such as /prod/db/password");
        }

        return !normalized.EndsWith('/')
            ? normalized
            : throw Wire.Errors.BadRequest(
                $"invalid value for parameter name: '{normalized}' ends with '/', which makes it a folder path; give the item name without it, such as {normalized.TrimEnd('/')}");
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
