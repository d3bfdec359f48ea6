using System.Runtime.InteropServices;

namespace AkeylessSharp.Scale;

/// <summary>The calling thread's CPU time in nanoseconds (Linux <c>clock_gettime</c>); NaN elsewhere.</summary>
internal static partial class CpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static double Thread()
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(ClockThreadCpuTimeId, out var time) != 0)
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
