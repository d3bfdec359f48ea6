using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace AkeylessSharp.Benchmarks.Shared;

/// <summary>A throwaway <c>redis-server</c> on a free loopback port, without persistence, killed on dispose.</summary>
internal sealed class RedisProcess : IDisposable
{
    private readonly Process _process;

    private RedisProcess(Process process, ConfigurationOptions configuration)
    {
        _process = process;
        Configuration = configuration;
    }

    public ConfigurationOptions Configuration { get; }

    public static async Task<RedisProcess> StartAsync()
    {
        int port = FreePort();
        var process = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start; install it (apt-get install redis-server).");
        var configuration = new ConfigurationOptions { AbortOnConnectFail = false };
        configuration.EndPoints.Add(IPAddress.Loopback, port);
        for (int attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(configuration);
                await probe.GetDatabase().PingAsync();
                return new RedisProcess(process, configuration);
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill();
        throw new InvalidOperationException($"redis-server on port {port} did not answer within 5 s.");
    }

    public void Dispose()
    {
        _process.Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
