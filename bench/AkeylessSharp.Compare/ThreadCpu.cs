using System.Runtime.InteropServices;

namespace AkeylessSharp.Compare;

/// <summary>
/// The calling thread's CPU time in nanoseconds (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): a hit row's cost without the
/// time the thread spent descheduled, which on a loaded machine is most of its wall time. NaN elsewhere.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static double Nanoseconds()
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
