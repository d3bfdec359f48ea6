namespace AkeylessSharp.Caching.Internal;

/// <summary><see cref="TimeProvider"/> timestamp arithmetic that saturates instead of overflowing (a TTL may be huge).</summary>
internal static class Timestamps
{
    public static long Add(TimeProvider timeProvider, long timestamp, TimeSpan duration)
    {
        double delta = duration.Ticks * (timeProvider.TimestampFrequency / (double)TimeSpan.TicksPerSecond);
        return delta >= long.MaxValue - timestamp ? long.MaxValue : timestamp + (long)delta;
    }

    public static long After(TimeProvider timeProvider, TimeSpan duration) => Add(timeProvider, timeProvider.GetTimestamp(), duration);
}
