namespace AkeylessSharp.Compare;

/// <summary>One row's figures in one run.</summary>
internal sealed class Sample
{
    public double NanosPerCall { get; set; }

    public double BytesPerCall { get; set; }

    /// <summary>CPU per call in a sequential turn: the measuring thread's for hit rows (which never leave it), the process's for the others.</summary>
    public double CpuNanos { get; set; } = double.NaN;

    /// <summary>Client (this process) CPU per call under concurrent callers, in microseconds; NaN when not measured.</summary>
    public double ClientCpuMicros { get; set; } = double.NaN;

    /// <summary>Emulator process CPU per call under concurrent callers, in microseconds; NaN when it shares this process.</summary>
    public double ServerCpuMicros { get; set; } = double.NaN;

    public double CallsPerSecond { get; set; } = double.NaN;
}
