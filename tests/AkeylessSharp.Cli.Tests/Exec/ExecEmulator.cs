using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Cli.Tests.Exec;

/// <summary>An emulator holding the secrets the <c>exec</c> and <c>env</c> tests inject, and the environment that reaches it.</summary>
public sealed class ExecEmulator : IAsyncLifetime
{
    public const string DbPassword = "pa'ss $word `x` \\ \"q\"\nline2";
    public const string ApiKey = "api-key-value";
    public const string InjectedValue = "injected-value-7f3a";
    public const string NestedLeaf = "nested-leaf-value-91c2";
    public const int JsonExpanderLimit = 64;

    /// <summary>A JSON object whose string escapes half a UTF-16 pair, text no environment variable can hold.</summary>
    public const string UnpairedSurrogateJson = """{"ok":"fine-value-3b1d","bad":"half-\ud800-pair"}""";

    private AkeylessEmulator? _emulator;

    public async Task InitializeAsync()
    {
        var items = new object[]
        {
            new { name = "/demo/db/password", type = "static", value = DbPassword },
            new { name = "/demo/api/key", type = "static", value = ApiKey },
            new { name = "/demo/app/config", type = "static", value = """{"db":{"host":"db.local","port":5432},"debug":true,"tags":["a"],"none":null}""", format = "json" },
            new { name = "/coll/a-b", type = "static", value = "one" },
            new { name = "/coll/a_b", type = "static", value = "two" },
            new { name = "/json/app", type = "static", value = """{"port":1}""" },
            new { name = "/json/app_port", type = "static", value = "2" },
            new { name = "/watch/value", type = "static", value = "first" },
            new { name = "/watch/flaky", type = "static", value = "before" },
            new { name = "/nul/value", type = "static", value = "before-nul\0after-nul" },
            new { name = "/dupjson/app", type = "static", value = """{"k":"one-value","k":"two-value"}""" },
            new { name = "/inj/ld/ld_preload", type = "static", value = InjectedValue },
            new { name = "/inj/path/path", type = "static", value = InjectedValue },
            new { name = "/inj/node/node-options", type = "static", value = InjectedValue },
            new { name = "/inj/hook/dotnet_startup_hooks", type = "static", value = InjectedValue },
            new { name = "/inj/complus/complus_enableeventpipe", type = "static", value = InjectedValue },
            new { name = "/inj/near/ldap_password", type = "static", value = "near-value" },
            new { name = "/inj/json/app", type = "static", value = $$"""{"startup_hooks":"{{InjectedValue}}"}""" },
            new { name = "/nested/at-limit", type = "static", value = Nested(JsonExpanderLimit) },
            new { name = "/nested/too-deep", type = "static", value = Nested(JsonExpanderLimit + 1) },
            new { name = "/badtext/app", type = "static", value = UnpairedSurrogateJson },
            new { name = "/deepjson/app", type = "static", value = """{"a":[{"b":null}],"c":{"d":{"e":{"f":"deep"}}},"":"empty-name","x y":true}""" },
        };
        _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = JsonSerializer.Serialize(new { items }) });
    }

    /// <summary>A JSON object <paramref name="levels"/> objects deep: <c>{"a":{"a":…"leaf"…}}</c>.</summary>
    public static string Nested(int levels) => string.Concat(Enumerable.Repeat("{\"a\":", levels)) + $"\"{NestedLeaf}\"" + new string('}', levels);

    public async Task DisposeAsync() => await _emulator!.DisposeAsync();

    public Dictionary<string, string?> Environment() => new()
    {
        ["AKEYLESS_API_URL"] = _emulator!.BaseUrl.ToString(),
        ["AKEYLESS_ACCESS_ID"] = _emulator.AccessId,
        ["AKEYLESS_ACCESS_KEY"] = _emulator.AccessKey,
    };

    public string AccessKey => _emulator!.AccessKey;

    /// <summary>Runs the built tool as a process.</summary>
    public Task<ProcessResult> RunToolAsync(string? stdin, params string[] args) => ProcessRun.RunAsync(ProcessRun.Tool(Environment(), args), stdin);

    /// <summary>Runs the tool in-process (for checks that start no program).</summary>
    public Task<CliResult> RunInProcessAsync(params string[] args) => CliRun.RunAsync(Environment(), args);
}
