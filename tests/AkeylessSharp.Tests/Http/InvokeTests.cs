using System.Text.Json.Nodes;
using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Http;

public sealed class InvokeTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task InvokeAsync_AnyCommand_AddsTheTokenAndReturnsTheJson()
    {
        using var client = RecordingHandler.Client(_harness, out var recorder);
        var body = new JsonObject { ["names"] = EmulatorHarness.RotatedPath };

        var result = await client.InvokeAsync("get-rotated-secret-value", body);

        Assert.Equal("svc_app", (string?)result?["value"]?["username"]);
        Assert.StartsWith("t-", (string?)recorder.Last("get-rotated-secret-value")["token"], StringComparison.Ordinal);
        Assert.False(body.ContainsKey("token"));
    }

    [Fact]
    public async Task InvokeAsync_OnAnImplementationWithoutIt_IsNotSupported_NamingTheType()
    {
        IAkeylessClient client = new NoRawCommands();

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => client.InvokeAsync("list-roles", new JsonObject()));

        Assert.Contains(nameof(NoRawCommands), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(65, false)]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    [InlineData(10_000, true)]
    public async Task InvokeAsync_BodyNestedDeeperThanJsonCanWrite_IsAnArgumentErrorBeforeAnyRequest(int levels, bool refused)
    {
        using var client = _harness.Client();
        var body = new JsonObject { ["name"] = EmulatorHarness.StaticPath };
        var inner = body;
        for (int level = 1; level < levels; level++)
        {
            var next = new JsonObject();
            inner["nested"] = next;
            inner = next;
        }

        var error = await Record.ExceptionAsync(() => client.InvokeAsync("describe-item", body));

        if (refused)
        {
            var argument = Assert.IsType<ArgumentException>(error);
            Assert.Equal("body", argument.ParamName);
            Assert.Contains("1000", argument.Message, StringComparison.Ordinal);
            Assert.Equal(0, _harness.Emulator.Counters.Get("describe-item"));
        }
        else
        {
            // Sent: the emulator refuses JSON deeper than 64 levels with a 400, as any service may.
            Assert.True(error is null or AkeylessException, $"untyped: {error}");
            Assert.Equal(1, _harness.Emulator.Counters.Get("describe-item"));
        }
    }

    [Fact]
    public async Task InvokeAsync_NotIdempotent_IsNotReplayedAfterServerError()
    {
        using var client = _harness.Client();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("rotate-secret", 1, 503);

        var ex = await Assert.ThrowsAnyAsync<AkeylessException>(() => client.InvokeAsync("rotate-secret", new JsonObject { ["name"] = EmulatorHarness.RotatedPath }));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(1, _harness.Emulator.Counters.Get("rotate-secret"));
    }

    [Fact]
    public async Task InvokeAsync_Idempotent_IsRetriedAfterServerError()
    {
        using var client = _harness.Client();
        _harness.Emulator.Faults.FailNext("describe-item", 2, 503);

        var result = await client.InvokeAsync("describe-item", new JsonObject { ["name"] = EmulatorHarness.StaticPath }, new AkeylessCommandOptions { Idempotent = true });

        Assert.Equal(EmulatorHarness.StaticPath, (string?)result?["item_name"]);
        Assert.Equal(3, _harness.Emulator.Counters.Get("describe-item"));
    }

    [Fact]
    public async Task InvokeAsync_MissingItem_ThrowsTypedNotFound()
    {
        using var client = _harness.Client();

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.InvokeAsync("describe-item", new JsonObject { ["name"] = "/no/such/item" }));
    }

    [Fact]
    public async Task InvokeAsync_SlowCommand_ThrowsTimeoutAfterTheCallsLimit()
    {
        using var client = _harness.Client();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.AddLatency("describe-item", TimeSpan.FromSeconds(30));

        var call = client.InvokeAsync("describe-item", new JsonObject { ["name"] = EmulatorHarness.StaticPath }, new AkeylessCommandOptions { Timeout = TimeSpan.FromSeconds(2) });
        _harness.Time.Advance(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAsync<AkeylessTimeoutException>(() => call);
    }

    [Fact]
    public async Task InvokeAsync_OwnUidTokenAndSendTokenOff_SendsTheBodyAsGiven()
    {
        using var client = RecordingHandler.Client(_harness, out var recorder);

        var result = await client.InvokeAsync("uid-rotate-token", new JsonObject { ["uid-token"] = TestCredentials.UidToken }, new AkeylessCommandOptions { SendToken = false });

        Assert.StartsWith("u-", (string?)result?["token"], StringComparison.Ordinal);
        Assert.False(recorder.Last("uid-rotate-token").ContainsKey("token"));
        Assert.Equal(0, _harness.Emulator.Counters.Get("auth"));
    }

    [Fact]
    public async Task InvokeAsync_WriteTokenRejectedOnce_AuthenticatesAgainAndSendsOnceMore()
    {
        using var client = _harness.Client();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("create-secret", 1, 401);

        await client.InvokeAsync("create-secret", new JsonObject { ["name"] = "/invoke/reauth", ["value"] = "v1" });

        Assert.Equal(2, _harness.Emulator.Counters.Get("auth"));
        Assert.Equal(2, _harness.Emulator.Counters.Get("create-secret"));
        Assert.Equal("v1", await client.GetSecretAsync("/invoke/reauth"));
    }

    [Fact]
    public async Task InvokeAsync_SendTokenOffAndRejected_ThrowsUnauthorizedWithoutAuthenticating()
    {
        using var client = _harness.Client();
        _harness.Emulator.Faults.FailNext("uid-rotate-token", 1, 401);

        await Assert.ThrowsAsync<AkeylessUnauthorizedException>(
            () => client.InvokeAsync("uid-rotate-token", new JsonObject { ["uid-token"] = TestCredentials.UidToken }, new AkeylessCommandOptions { SendToken = false }));

        Assert.Equal(0, _harness.Emulator.Counters.Get("auth"));
        Assert.Equal(1, _harness.Emulator.Counters.Get("uid-rotate-token"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task InvokeAsync_CallersOwnTokenOrNoneRejected_SaysSoInsteadOfBlamingTheAuthMethod(bool tokenInBody)
    {
        using var client = _harness.Client();
        var body = new JsonObject { ["path"] = "/" };
        if (tokenInBody)
        {
            body["token"] = "t-never-issued-by-this-service";
        }

        var ex = await Assert.ThrowsAsync<AkeylessUnauthorizedException>(
            () => client.InvokeAsync("list-items", body, new AkeylessCommandOptions { SendToken = tokenInBody }));

        Assert.Equal("list-items", ex.Command);
        Assert.DoesNotContain("even after authenticating again", ex.Message, StringComparison.Ordinal);
        Assert.Contains(tokenInBody ? "token the list-items body carries" : "SendToken is false", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("t-never-issued-by-this-service", ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, _harness.Emulator.Counters.Get("auth"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../auth")]
    [InlineData("//evil.example/x")]
    [InlineData("List-Items")]
    public async Task InvokeAsync_NotACommandName_IsRefusedBeforeAnyRequest(string command)
    {
        using var client = _harness.Client();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.InvokeAsync(command, new JsonObject()));
        Assert.Empty(_harness.Emulator.Counters.Snapshot());
    }

    [Theory]
    [InlineData("value")]
    [InlineData("nested")]
    [InlineData("name")]
    public async Task InvokeAsync_BodyTextWithAnUnpairedSurrogate_IsRefusedBeforeAnyRequest(string where)
    {
        using var client = _harness.Client();
        var body = where switch
        {
            "value" => new JsonObject { ["name"] = "/new/raw", ["value"] = "pass\ud800word" },
            "nested" => new JsonObject { ["name"] = "/new/raw", ["tags"] = new JsonArray("ok", "t\udc00") },
            _ => new JsonObject { ["name"] = "/new/raw", ["x\ud800"] = "v" },
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.InvokeAsync("create-secret", body));

        Assert.Equal("body", ex.ParamName);
        Assert.DoesNotContain("pass", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Emulator.Counters.Snapshot());
    }

    [Fact]
    public async Task InvokeAsync_ParsedBodyEscapingHalfAPair_IsRefusedBeforeAnyRequest()
    {
        using var client = _harness.Client();
        var body = new JsonObject { ["path"] = "/", ["filter"] = JsonNode.Parse("\"x\\ud800\"") };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.InvokeAsync("list-items", body));

        Assert.Equal("body", ex.ParamName);
        Assert.Empty(_harness.Emulator.Counters.Snapshot());
    }

    /// <summary>An implementation written before <see cref="IAkeylessClient.InvokeAsync"/> existed, such as a test double.</summary>
    private sealed class NoRawCommands : IAkeylessClient
    {
        public ValueTask<string> GetSecretAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public ValueTask<string?> TryGetSecretAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<IReadOnlyDictionary<string, string>> GetSecretsAsync(IEnumerable<string> paths, SecretRequestOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<DynamicSecret> GetDynamicSecretAsync(string path, DynamicSecretRequestOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<RotatedSecret> GetRotatedSecretAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<SecretValue> GetAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task CreateSecretAsync(string path, string value, CreateSecretOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task UpdateSecretValueAsync(string path, string value, bool keepPreviousVersion = true, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task UpsertSecretAsync(string path, string value, CreateSecretOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task DeleteItemAsync(string path, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<AkeylessItem> DescribeItemAsync(string path, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public IAsyncEnumerable<AkeylessItem> ListItemsAsync(string path = "/", ListItemsOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<IReadOnlyList<string>> ListSecretsAsync(string path, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<IReadOnlyList<string>> ListSubfoldersAsync(string path, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<AkeylessPermissions> GetPermissionsAsync(string path, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<string> GetSshCertificateAsync(string issuer, string username, string publicKey, TimeSpan? ttl = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
    }
}
