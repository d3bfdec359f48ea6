using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AkeylessSharp.Emulator.Tests.Infrastructure;

/// <summary>Runs the built <c>akeyless-emulator</c> tool as a child process, for tests of the command line and of durability.</summary>
internal static partial class ToolProcess
{
    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "AkeylessSharp.Emulator.Tool.dll");

    /// <summary>A <c>dotnet AkeylessSharp.Emulator.Tool.dll args…</c> start with both output streams redirected.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string? workingDirectory = null)
    {
        Assert.True(File.Exists(DllPath), $"emulator tool not found at {DllPath}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    /// <summary>
    /// Starts the tool on a port the system picks and returns it with the address it says it listens on. A port chosen
    /// beforehand could be taken by another test process before the child binds it (and another server then answer).
    /// </summary>
    public static async Task<(Process Process, Uri BaseUrl)> StartListeningAsync(IEnumerable<string> args, string? workingDirectory = null)
    {
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(StartInfo(["--urls", "http://127.0.0.1:0", .. args], workingDirectory))!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && ListeningOn().Match(line) is { Success: true } match)
            {
                address.TrySetResult(new Uri(match.Groups["url"].Value + "/"));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var url = await address.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return (process, url);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException("The emulator tool did not say where it listens within 60 s.");
        }
    }

    /// <summary>Polls <c>/__emulator/health</c> until it answers 200 or <paramref name="within"/> has passed.</summary>
    public static async Task<bool> WaitHealthyAsync(HttpClient http, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync("__emulator/health")).IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        return false;
    }

    [GeneratedRegex(@"listening on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
