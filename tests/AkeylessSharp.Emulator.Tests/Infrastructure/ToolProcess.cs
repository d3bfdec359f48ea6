using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AkeylessSharp.Emulator.Tests.Infrastructure;

/// <summary>Runs the built <c>akeyless-emulator</c> tool as a child process, for tests of the command line and of durability.</summary>
internal static class ToolProcess
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
}
