using System.Text.Json;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Tests.Infrastructure;

/// <summary>An in-process emulator on loopback seeded with every auth method, plus a client factory with fast retries.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string StaticPath = "/app/db/password";
    public const string StaticValue = "s3cr3t-value-!";
    public const string JsonPath = "/app/config";
    public const string JsonValue = """{"db":{"password":"json-pw","port":5432}}""";
    public const string DynamicPath = "/dyn/db";
    public const string RotatedPath = "/rot/db";
    public const string SshIssuerPath = "/ssh/issuer";

    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    // Key generation is slow; every harness starts at the same fake instant, so one set serves all.
    private static readonly Lazy<TestCredentials> s_credentials = new(() => new TestCredentials(Start));

    private EmulatorHarness(AkeylessEmulator emulator, FakeTimeProvider time, TestCredentials credentials)
    {
        Emulator = emulator;
        Time = time;
        Credentials = credentials;
    }

    public AkeylessEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public TestCredentials Credentials { get; }

    public static async Task<EmulatorHarness> StartAsync(TimeSpan? tokenTtl = null, object[]? extraItems = null)
    {
        var time = new FakeTimeProvider(Start);
        var credentials = s_credentials.Value;
        var items = new List<object>
        {
            new { name = StaticPath, type = "static", versions = new[] { "old-value" }, value = StaticValue, description = "db password", tags = new[] { "env:test" } },
            new { name = JsonPath, type = "static", value = JsonValue, format = "json" },
            new { name = "/app/other", type = "static", value = "other" },
            new { name = "/app/sub/deeper", type = "static", value = "deep" },
            new { name = DynamicPath, type = "dynamic", dynamic = new { usernamePrefix = "tmp_", ttlSeconds = 3600 } },
            new { name = RotatedPath, type = "rotated", rotated = new { username = "svc_app", password = "R0tated!" } },
            new { name = SshIssuerPath, type = "ssh-cert-issuer", sshIssuer = new { caPrivateKeyPem = credentials.SshCaPrivateKeyPem, allowedUsers = new[] { "ubuntu" }, ttlSeconds = 3600 } },
        };
        items.AddRange(extraItems ?? []);
        var seed = new
        {
            authMethods = credentials.SeedAuthMethods(),
            roles = new object[]
            {
                new { name = "all", authMethods = new[] { "jwt-am", "k8s-am", "cert-am", "uid-am" }, rules = new[] { new { path = "/*", capabilities = new[] { "read", "list", "create", "update", "delete" } } } },
                new { name = "ro", authMethods = new[] { "reader" }, rules = new[] { new { path = "/app/*", capabilities = new[] { "read", "list" } } } },
            },
            items,
            uidTokens = new[] { new { token = TestCredentials.UidToken, authMethod = "uid-am" } },
        };
        var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
        {
            SeedJson = JsonSerializer.Serialize(seed),
            TimeProvider = time,
            TokenTtl = tokenTtl ?? TimeSpan.FromHours(1),

            // The client must send the official SDK's field names and JSON types, not merely what a lenient server accepts.
            StrictWire = true,
        });
        return new EmulatorHarness(emulator, time, credentials);
    }

    public AkeylessClientOptions Options(Action<AkeylessClientOptions>? configure = null)
    {
        var options = new AkeylessClientOptions
        {
            ApiUrl = Emulator.BaseUrl.ToString(),
            AccessId = Emulator.AccessId,
            AccessKey = Emulator.AccessKey,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetries = 3,
        };
        configure?.Invoke(options);
        return options;
    }

    public AkeylessClient Client(Action<AkeylessClientOptions>? configure = null, ILoggerFactory? loggerFactory = null) =>
        new(Options(configure), loggerFactory, Time);

    /// <summary>
    /// Authenticates <paramref name="client"/>, then holds every <c>get-secret-value</c> answer back 5 s, longer than any
    /// timeout a test sets: a read can then end only by a timeout or the caller's cancellation.
    /// </summary>
    public async Task AuthenticateThenStallReadsAsync(IAkeylessClient client)
    {
        await client.TestConnectionAsync();
        Emulator.Faults.AddLatency("get-secret-value", TimeSpan.FromSeconds(5));
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
    }
}
