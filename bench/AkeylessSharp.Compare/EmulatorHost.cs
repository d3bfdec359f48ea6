using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Compare;

/// <summary>
/// The emulator the rows call: a separate <c>AkeylessSharp.Emulator.Tool</c> process on a free loopback port (so the
/// client's CPU can be told apart from the server's), or hosted in this process.
/// </summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly AkeylessEmulator? _inProcess;
    private readonly string? _seedFile;

    private EmulatorHost(Uri baseUrl, string accessId, string accessKey, Process? process, AkeylessEmulator? inProcess, string? seedFile)
    {
        BaseUrl = baseUrl;
        AccessId = accessId;
        AccessKey = accessKey;
        _process = process;
        _inProcess = inProcess;
        _seedFile = seedFile;
    }

    public Uri BaseUrl { get; }

    public string AccessId { get; }

    public string AccessKey { get; }

    public bool OutOfProcess => _process is not null;

    /// <summary>The server's CPU time so far, or <see langword="null"/> when it shares this process.</summary>
    public TimeSpan? ServerCpu()
    {
        if (_process is null)
        {
            return null;
        }

        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public static async Task<EmulatorHost> StartAsync(string seedJson, CompareOptions options)
    {
        if (options.InProcess)
        {
            var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = seedJson });
            return new EmulatorHost(emulator.BaseUrl, emulator.AccessId, emulator.AccessKey, null, emulator, null);
        }

        string dll = options.EmulatorDll ?? DefaultToolPath();
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The emulator tool was not found at {dll}; build bench/AkeylessSharp.Compare (it builds the tool) or pass --emulator-dll or --in-process.");
        }

        string seedFile = Path.Combine(Path.GetTempPath(), $"akeyless-compare-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seedFile, seedJson);
        int port = FreePort();
        string accessId = "p-comparebench01";
        string accessKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--seed", seedFile })
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
        var host = new EmulatorHost(new Uri($"http://127.0.0.1:{port}/"), accessId, accessKey, process, null, seedFile);
        await host.WaitUntilListeningAsync(port);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (_inProcess is not null)
        {
            await _inProcess.DisposeAsync();
        }

        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        if (_seedFile is not null)
        {
            File.Delete(_seedFile);
        }
    }

    private static string DefaultToolPath()
    {
        // artifacts/bin/AkeylessSharp.Compare/<config>/ → artifacts/bin/AkeylessSharp.Emulator.Tool/<config>/
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(own.Parent!.Parent!.FullName, "AkeylessSharp.Emulator.Tool", own.Name, "AkeylessSharp.Emulator.Tool.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The emulator exited with code {_process.ExitCode} before listening.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("The emulator did not listen within 60 s.");
    }
}
