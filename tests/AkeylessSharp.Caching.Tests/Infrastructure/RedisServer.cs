using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, without persistence, killed on dispose. Tests fail (they do not
/// skip) when the binary is missing: CI installs it, and a silently skipped Redis test proves nothing.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<RedisServer> StartAsync()
    {
        string executable = FindOnPath("redis-server") ?? throw new InvalidOperationException(
            "redis-server is not on PATH. The caching tests need a real Redis: install it with 'apt-get install -y redis-server' (.ci/run does).");

        // The free port is picked before redis-server binds it, so another process may take it first: then this
        // redis-server exits at once, and the next port is tried. Readiness is read from this process's own output, so
        // a server that another test process started on the same port is never mistaken for it.
        string output = "";
        for (int attempt = 0; attempt < 5; attempt++)
        {
            int port = FreePort();
            var (process, ready, log) = Launch(executable, port);
            if (await ready)
            {
                return new RedisServer(process, port);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(10_000);
            process.Dispose();
            output = log();
        }

        throw new InvalidOperationException($"redis-server did not become ready on a free port in 5 attempts. Its last output:\n{output}");
    }

    private static (Process Process, Task<bool> Ready, Func<string> Log) Launch(string executable, int port)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        var output = new StringBuilder();
        var ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data is null)
            {
                ready.TrySetResult(false); // the output ended: the process exited without becoming ready
            }
            else if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult(true);
            }
        };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var readyWithin = ready.Task.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default);
        return (process, readyWithin, () => { lock (output) { return output.ToString(); } });
    }

    /// <summary>A StackExchange.Redis configuration with short timeouts; commands issued while (re)connecting wait in the backlog.</summary>
    public ConfigurationOptions Configuration()
    {
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            ConnectTimeout = 2000,
            AsyncTimeout = 2000,
            SyncTimeout = 2000,
        };
        options.EndPoints.Add(IPAddress.Loopback, Port);
        return options;
    }

    /// <summary>
    /// A connected <see cref="RedisCache"/>. The first command pays for the connection; it is made here, untimed, so a
    /// loaded test machine cannot push it past the secret cache's operation timeout and open its breaker.
    /// </summary>
    public async Task<RedisCache> CreateDistributedCacheAsync()
    {
        var cache = new RedisCache(new RedisCacheOptions { ConfigurationOptions = Configuration() });
        await cache.GetAsync("warm-up");
        return cache;
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin")
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>One Redis shared by the tests of the <c>redis</c> collection.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition("redis")]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
}
