using System.Diagnostics;
using System.Text;

namespace AkeylessSharp.Samples.Tests;

/// <summary>
/// A sample run from its own build output (<c>artifacts/bin/&lt;sample&gt;/&lt;configuration&gt;</c>) as a child process, with
/// the test process's Akeyless settings removed so it takes its no-credentials path: the embedded emulator.
/// </summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private SampleProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static SampleProcess Start(string sample, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = BuildOutput(sample);
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(output, sample + ".dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(static k => k.StartsWith("AKEYLESS_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Akeyless__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new SampleProcess(Process.Start(start)!);
    }

    /// <summary>Waits until the output has a line matching <paramref name="condition"/>, the process exits, or the timeout.</summary>
    public async Task<string?> WaitForLineAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var end = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < end)
        {
            var line = Output.Split('\n').FirstOrDefault(condition);
            if (line is not null || _process.HasExited)
            {
                return line;
            }

            await Task.Delay(50);
        }

        return null;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(limit.Token);
        _process.WaitForExit(); // flushes the asynchronous output readers
        return _process.ExitCode;
    }

    public override string ToString() => $"exit {ExitCode?.ToString() ?? "(running)"}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.Append(line).Append('\n');
        }
    }

    // This assembly runs from artifacts/bin/AkeylessSharp.Samples.Tests/<configuration>/; a sample's output is its sibling.
    private static string BuildOutput(string sample)
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var output = Path.Combine(own.Parent!.Parent!.FullName, sample, own.Name);
        return File.Exists(Path.Combine(output, sample + ".dll"))
            ? output
            : throw new InvalidOperationException($"The {sample} sample is not built at {output}; build the solution first.");
    }
}
