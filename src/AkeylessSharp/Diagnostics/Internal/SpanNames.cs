using AkeylessSharp.Internal;

namespace AkeylessSharp.Diagnostics.Internal;

/// <summary>Span names in the OpenTelemetry client form <c>akeyless {command}</c>, built once per command.</summary>
internal static class SpanNames
{
    public const string CacheHit = "akeyless cache-hit";

    // Raw commands (InvokeAsync) are the caller's own names: remember a bounded number.
    private static readonly BoundedMemo<string> s_names = new(1_000, static c => "akeyless " + c);

    public static string For(string command) => s_names.For(command);
}
