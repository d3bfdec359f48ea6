using System.Text.Json;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>
/// One seeded emulator shared by the tests of a class. Tests that write use their own paths, so they can run in any order.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string StaticPath = "/app/db/password";
    public const string StaticValue = "s3cr3t-value-!";
    public const string OldValue = "old-value";
    public const string JsonPath = "/app/config";
    public const string DynamicPath = "/dyn/db";
    public const string RotatedPath = "/rot/db";
    public const string RotatedPassword = "R0tated!";
    public const string SshIssuerPath = "/ssh/issuer";
    public const string ReaderAccessId = "p-readeronly01a0";
    public const string ReaderAccessKey = "cmVhZGVyLWtleQ==";
    public const string UidToken = "u-clitesttoken01";

    private AkeylessEmulator? _emulator;

    public AkeylessEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    public static string SeedJson() => JsonSerializer.Serialize(new
    {
        authMethods = new object[]
        {
            new { name = "/reader", accessId = ReaderAccessId, type = "access_key", accessKey = ReaderAccessKey },
            new { name = "/uid", type = "universal_identity", universalIdentity = new { ttlSeconds = 86400 } },
        },
        roles = new object[]
        {
            new { name = "ro", authMethods = new[] { "/reader", "/uid" }, rules = new[] { new { path = "/app/*", capabilities = new[] { "read", "list" }, type = "item" } } },
        },
        items = new object[]
        {
            new { name = StaticPath, type = "static", versions = new[] { OldValue }, value = StaticValue, description = "db password", tags = new[] { "env:test" } },
            new { name = JsonPath, type = "static", value = """{"db":{"password":"json-pw","port":5432}}""", format = "json" },
            new { name = "/app/other", type = "static", value = "has space and 'quote'" },
            new { name = DynamicPath, type = "dynamic", dynamic = new { usernamePrefix = "tmp_", ttlSeconds = 3600 } },
            new { name = RotatedPath, type = "rotated", rotated = new { username = "svc_app", password = RotatedPassword } },
            new { name = SshIssuerPath, type = "ssh-cert-issuer", sshIssuer = new { caPrivateKeyPem = SshKeys.CaPrivateKeyPem.Value, allowedUsers = new[] { "ubuntu" }, ttlSeconds = 3600 } },
        },
        uidTokens = new[] { new { token = UidToken, authMethod = "/uid" } },
    });

    public async Task InitializeAsync() =>
        _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = SeedJson() });

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>The environment of a user holding the emulator's full-rights development credential.</summary>
    public Dictionary<string, string?> Environment() => new()
    {
        ["AKEYLESS_API_URL"] = Emulator.BaseUrl.ToString(),
        ["AKEYLESS_ACCESS_ID"] = Emulator.AccessId,
        ["AKEYLESS_ACCESS_KEY"] = Emulator.AccessKey,
    };

    public Task<CliResult> RunAsync(params string[] args) => CliRun.RunAsync(Environment(), args);

    public Task<CliResult> RunWithStdinAsync(string stdin, params string[] args) => CliRun.RunAsync(Environment(), args, stdin);

    public Task<CliResult> RunOnTerminalAsync(params string[] args) => CliRun.RunAsync(Environment(), args, terminal: true);

    /// <summary>A fresh path so tests that write never collide.</summary>
    public static string UniquePath(string prefix = "/tmp") => $"{prefix}/{Guid.NewGuid():N}";
}
