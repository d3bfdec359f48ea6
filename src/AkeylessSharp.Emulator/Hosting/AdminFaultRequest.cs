using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>Reads a <c>POST /__emulator/faults</c> body into <see cref="EmulatorFaults"/> calls, checking every range first.</summary>
internal static class AdminFaultRequest
{
    private const long MaxRetryAfterSeconds = 86_400;

    public static void Apply(EmulatorFaults faults, RequestBody body)
    {
        var command = body.RequiredString("command");
        var retryAfter = body.Int64("retryAfterSeconds") is { } s
            ? TimeSpan.FromSeconds(InRange(s, 0, MaxRetryAfterSeconds, "retryAfterSeconds"))
            : (TimeSpan?)null;
        var status = body.Int32("status") ?? 500;
        var applied = false;
        if (body.Int64("latencyMs") is { } ms)
        {
            faults.AddLatency(command, TimeSpan.FromMilliseconds(InRange(ms, 0, (long)EmulatorFaults.MaxLatency.TotalMilliseconds, "latencyMs")));
            applied = true;
        }

        if (body.Int32("abort") is { } abort)
        {
            faults.AbortNext(command, abort);
            applied = true;
        }

        if (body.Has("fraction"))
        {
            faults.FailFraction(command, body.Double("fraction")!.Value, status, retryAfter);
            applied = true;
        }
        else if (body.Int32("count") is { } count)
        {
            faults.FailNext(command, count, status, retryAfter);
            applied = true;
        }

        if (!applied)
        {
            throw Errors.BadRequest("a fault needs one of: count (+status), fraction (+status), latencyMs, abort");
        }
    }

    private static long InRange(long value, long min, long max, string name) =>
        value >= min && value <= max ? value : throw Errors.BadRequest($"invalid value for parameter {name}: {value} (allowed: {min} to {max})");
}
