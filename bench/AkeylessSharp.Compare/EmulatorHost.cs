using System.Text;
using AkeylessSharp.Bench;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Compare;

/// <summary>
/// The emulator the rows call: a separate <c>AkeylessSharp.Emulator.Tool</c> process (so the client's CPU can be told
/// apart from the server's), or hosted in this process with <c>--in-process</c>.
/// </summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly EmulatorProcess? _process;
    private readonly AkeylessEmulator? _inProcess;

    private EmulatorHost(Uri baseUrl, string accessId, string accessKey, EmulatorProcess? process, AkeylessEmulator? inProcess)
    {
        BaseUrl = baseUrl;
        AccessId = accessId;
        AccessKey = accessKey;
        _process = process;
        _inProcess = inProcess;
    }

    public Uri BaseUrl { get; }

    public string AccessId { get; }

    public string AccessKey { get; }

    public bool OutOfProcess => _process is not null;

    /// <summary>The server's CPU time so far, or <see langword="null"/> when it shares this process.</summary>
    public TimeSpan? ServerCpu() => _process?.Cpu();

    public static async Task<EmulatorHost> StartAsync(string seedJson, CompareOptions options)
    {
        if (options.InProcess)
        {
            var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = seedJson });
            return new EmulatorHost(emulator.BaseUrl, emulator.AccessId, emulator.AccessKey, null, emulator);
        }

        var process = await EmulatorProcess.StartAsync(
            options.EmulatorDll ?? EmulatorProcess.DefaultToolPath(),
            stream => stream.WriteAsync(Encoding.UTF8.GetBytes(seedJson)).AsTask(),
            TimeSpan.FromSeconds(60));
        return new EmulatorHost(process.BaseUrl, process.AccessId, process.AccessKey, process, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_inProcess is not null)
        {
            await _inProcess.DisposeAsync();
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
