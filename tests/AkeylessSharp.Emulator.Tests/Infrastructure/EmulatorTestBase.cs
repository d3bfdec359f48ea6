namespace AkeylessSharp.Emulator.Tests.Infrastructure;

/// <summary>Starts a fresh in-memory emulator per test class instance and an authenticated client.</summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    protected AkeylessEmulator Emulator { get; private set; } = null!;

    protected EmulatorClient Client { get; private set; } = null!;

    protected virtual AkeylessEmulatorOptions CreateOptions() => new();

    public async Task InitializeAsync()
    {
        Emulator = await AkeylessEmulator.StartAsync(CreateOptions());
        Client = new EmulatorClient(Emulator.BaseUrl);
        await Client.LoginAsync(Emulator.AccessId, Emulator.AccessKey);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
