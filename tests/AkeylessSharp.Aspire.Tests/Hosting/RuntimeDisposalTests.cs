using System.Net.Sockets;
using Aspire.Hosting;
using AkeylessSharp.Aspire.Hosting.Internal;
using AkeylessSharp.Aspire.Tests.TestSupport;

namespace AkeylessSharp.Aspire.Tests.Hosting;

/// <summary>An emulator that finishes starting after the app host was disposed is not left running.</summary>
public sealed class RuntimeDisposalTests
{
    [Fact]
    public async Task AnEmulatorAddedAfterDisposal_IsStopped_AndTheStartFailsTyped()
    {
        var builder = DistributedApplication.CreateBuilder();
        var akeyless = builder.AddAkeyless("akeyless").RunAsEmulator();
        var runtime = new AkeylessRuntime();
        await runtime.DisposeAsync();
        var emulator = await EmulatorSeed.StartAsync(("/app/a", "a"));
        var port = emulator.BaseUrl.Port;

        await Assert.ThrowsAsync<ObjectDisposedException>(() => runtime.AddAsync(akeyless.Resource, emulator).AsTask());

        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(System.Net.IPAddress.Loopback, port));
    }
}
