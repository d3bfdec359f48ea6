namespace AkeylessSharp.Diagnostics.Internal;

/// <summary>
/// Marks the calls made for a caller that reports their failure itself, once (the connection test and the health probe,
/// event 302): their failures and retries log at Debug, so an incident costs one Warning per probe. Set inside an async
/// method, so it ends with it.
/// </summary>
internal static class FailuresReportedByCaller
{
    private static readonly AsyncLocal<bool> s_set = new();

    public static bool IsSet => s_set.Value;

    public static void Set() => s_set.Value = true;
}
