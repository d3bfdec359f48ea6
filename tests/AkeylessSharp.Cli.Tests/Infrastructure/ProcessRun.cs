using System.Diagnostics;

namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>What a child process wrote, as raw bytes so tests can compare output byte for byte.</summary>
public sealed record ProcessResult(int ExitCode, byte[] Out, string Error)
{
    public string OutText => System.Text.Encoding.UTF8.GetString(Out);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{OutText}\n--- stderr ---\n{Error}";
}

/// <summary>Runs a real process (bash, or the built tool) with a private environment and a bounded wait.</summary>
internal static class ProcessRun
{
    public static ProcessStartInfo Bash(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("bash");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>The words that start the built tool: <c>dotnet …/AkeylessSharp.Cli.dll</c>.</summary>
    public static string[] ToolCommand => ["dotnet", Path.Combine(AppContext.BaseDirectory, "AkeylessSharp.Cli.dll")];

    /// <summary>The built tool with <paramref name="args"/>, without the test process's Akeyless settings.</summary>
    public static ProcessStartInfo Tool(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(ToolCommand[0]) { UseShellExecute = false };
        foreach (var arg in ToolCommand.Skip(1).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        return WithEnvironment(start, environment);
    }

    /// <summary>Replaces the test process's <c>AKEYLESS_*</c> variables with <paramref name="environment"/>.</summary>
    public static ProcessStartInfo WithEnvironment(ProcessStartInfo start, IReadOnlyDictionary<string, string?> environment)
    {
        foreach (var name in start.Environment.Keys.Where(static k => k.StartsWith("AKEYLESS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Sends <paramref name="process"/> a signal as a user's <c>kill -SIGNAL pid</c> would (<c>TERM</c>, <c>INT</c>, ...).</summary>
    public static async Task SignalAsync(Process process, string signal, CancellationToken cancellationToken)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken);
    }

    public static async Task<ProcessResult> RunAsync(ProcessStartInfo start, string? stdin = null, TimeSpan? timeout = null)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        var output = ReadAllAsync(process.StandardOutput.BaseStream, limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
