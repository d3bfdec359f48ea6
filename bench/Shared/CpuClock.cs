using System.Runtime.InteropServices;

namespace AkeylessSharp.Bench;

/// <summary>
/// CPU time in nanoseconds from Linux's <c>clock_gettime</c>: what a row costs without the time its threads spent
/// descheduled, which on a loaded machine is most of the wall time. <see cref="System.Diagnostics.Process.TotalProcessorTime"/>
/// counts in 10 ms ticks, too coarse for a sequential turn. NaN elsewhere than Linux.
/// </summary>
internal static partial class CpuClock
{
    private const int ClockProcessCpuTimeId = 2;
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>The calling thread's CPU time.</summary>
    public static double Thread() => Read(ClockThreadCpuTimeId);

    /// <summary>This process's CPU time, every thread included.</summary>
    public static double Process() => Read(ClockProcessCpuTimeId);

    private static double Read(int clock)
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(clock, out var time) != 0)
        {
            return double.NaN;
        }

        return time.Seconds * 1e9 + time.Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = false)]
    private static partial int clock_gettime(int clockId, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
