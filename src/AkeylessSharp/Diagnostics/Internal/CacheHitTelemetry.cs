using System.Diagnostics;
using AkeylessSharp.Caching.Internal;

namespace AkeylessSharp.Diagnostics.Internal;

/// <summary>
/// Makes a cache hit visible as a short internal span, <c>akeyless cache-hit</c>, only while something listens to the
/// <c>AkeylessSharp</c> source: the unobserved hit path pays one field read and allocates nothing.
/// </summary>
internal static class CacheHitTelemetry
{
    public static bool Enabled => AkeylessTelemetry.ActivitySource.HasListeners();

    public static void Record(SecretKind kind)
    {
        using var activity = AkeylessTelemetry.ActivitySource.StartActivity(SpanNames.CacheHit, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(SemanticConventions.CacheHit, true);
            activity.SetTag(SemanticConventions.SecretKind, kind switch
            {
                SecretKind.Dynamic => "dynamic",
                SecretKind.Rotated => "rotated",
                _ => "static",
            });
        }
    }
}
