namespace AkeylessSharp.Settings.Internal;

/// <summary>
/// Recovers a key's spelling from a key/value connection string: <see cref="System.Data.Common.DbConnectionStringBuilder"/>
/// lowercases the keys it returns, and an error should quote what the user typed.
/// </summary>
internal static class WrittenKey
{
    /// <summary>Returns <paramref name="key"/> as it appears in <paramref name="text"/>, or <paramref name="key"/> itself when it cannot be found.</summary>
    public static string Find(string text, string key)
    {
        for (var at = text.IndexOf(key, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(key, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (StartsPair(text, at) && EndsKey(text, at + key.Length))
            {
                return text.Substring(at, key.Length);
            }
        }

        return key;
    }

    private static bool StartsPair(string text, int at)
    {
        var before = text.AsSpan(0, at).TrimEnd();
        return before.IsEmpty || before[^1] == ';';
    }

    private static bool EndsKey(string text, int end)
    {
        var after = text.AsSpan(end).TrimStart();
        return !after.IsEmpty && after[0] == '=';
    }
}
