using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace AkeylessSharp.Bench;

/// <summary>
/// The emulator tool (<c>AkeylessSharp.Emulator.Tool</c>) as a separate process on a free 127.0.0.1 port, with a
/// generated credential and a seed file, so a bench's own heap and CPU hold none of the server's. Its request counters
/// are read over the admin API.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private const string AdminHeader = "X-Akeyless-Emulator";
    private readonly Process _process;
    private readonly string _seedFile;
    private readonly HttpClient _admin;

    private EmulatorProcess(Uri baseUrl, string accessId, string accessKey, Process process, string seedFile)
    {
        BaseUrl = baseUrl;
        AccessId = accessId;
        AccessKey = accessKey;
        _process = process;
        _seedFile = seedFile;
        _admin = new HttpClient { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    public string AccessId { get; }

    public string AccessKey { get; }

    /// <summary>Starts the tool found next to the bench's own output, seeded by <paramref name="writeSeed"/>.</summary>
    public static async Task<EmulatorProcess> StartAsync(string toolDll, Func<Stream, Task> writeSeed, TimeSpan startTimeout, params string[] toolArguments)
    {
        if (!File.Exists(toolDll))
        {
            throw new FileNotFoundException($"The emulator tool was not found at {toolDll}; build the bench project (it builds the tool) or pass its path with --emulator-dll.");
        }

        string seedFile = Path.Combine(Path.GetTempPath(), $"akeyless-bench-{Guid.NewGuid():N}.json");
        await using (var seed = File.Create(seedFile))
        {
            await writeSeed(seed);
        }

        int port = FreePort();
        string accessId = "p-benchemulator1";
        string accessKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { toolDll, "--urls", $"http://127.0.0.1:{port}", "--seed", seedFile }.Concat(toolArguments))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AKEYLESS_EMULATOR_ACCESS_ID"] = accessId;
        start.Environment["AKEYLESS_EMULATOR_ACCESS_KEY"] = accessKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the emulator.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"emulator: {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new EmulatorProcess(new Uri($"http://127.0.0.1:{port}/"), accessId, accessKey, process, seedFile);
        try
        {
            await host.WaitUntilHealthyAsync(startTimeout);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>The tool's path in the same artifacts tree as the running bench's own output.</summary>
    public static string DefaultToolPath()
    {
        // artifacts/bin/<bench>/<config>/ → artifacts/bin/AkeylessSharp.Emulator.Tool/<config>/
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(own.Parent!.Parent!.FullName, "AkeylessSharp.Emulator.Tool", own.Name, "AkeylessSharp.Emulator.Tool.dll");
    }

    /// <summary>Requests per command since start or the last <see cref="ResetCountersAsync"/>.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountersAsync() =>
        await _admin.GetFromJsonAsync<Dictionary<string, long>>("__emulator/counters") ?? [];

    public async Task ResetCountersAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "__emulator/counters");
        request.Headers.Add(AdminHeader, "1");
        using var response = await _admin.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The server's CPU time so far.</summary>
    public TimeSpan Cpu()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        File.Delete(_seedFile);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The emulator exited with code {_process.ExitCode} before listening.");
            }

            try
            {
                using var response = await _admin.GetAsync("__emulator/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The emulator did not answer within {timeout.TotalSeconds:F0} s.");
    }
}
