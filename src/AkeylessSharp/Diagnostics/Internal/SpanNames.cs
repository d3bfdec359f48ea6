using System.Collections.Concurrent;

namespace AkeylessSharp.Diagnostics.Internal;

/// <summary>Span names in the OpenTelemetry client form <c>akeyless {command}</c>, built once per command.</summary>
internal static class SpanNames
{
    public const string CacheHit = "akeyless cache-hit";

    private static readonly ConcurrentDictionary<string, string> s_names = new(StringComparer.Ordinal);

    public static string For(string command) => s_names.GetOrAdd(command, static c => "akeyless " + c);
}
