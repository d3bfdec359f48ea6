namespace AkeylessSharp.Diagnostics.Internal;

/// <summary>
/// Marks the calls made on behalf of a caller who asked whether an item exists (<c>TryGet…</c>): for them a not-found is
/// an answer, logged at Debug and left off the span's error status. Set inside an async method, so it ends with it.
/// </summary>
internal static class ExpectedNotFound
{
    private static readonly AsyncLocal<bool> s_expected = new();

    public static bool IsSet => s_expected.Value;

    public static void Set() => s_expected.Value = true;
}
