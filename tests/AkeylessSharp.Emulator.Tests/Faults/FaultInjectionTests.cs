using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Faults;

public sealed class FaultInjectionTests : EmulatorTestBase
{
    private static JsonObject Names(string name) => new() { ["names"] = new JsonArray(name) };

    [Fact]
    public async Task FailNext_503WithRetryAfter_ThenRecovers()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/f", ["value"] = "v" });
        Emulator.Faults.FailNext("get-secret-value", 2, 503, TimeSpan.FromSeconds(2));

        var first = await Client.PostAsync("get-secret-value", Names("/f"));
        var second = await Client.PostAsync("get-secret-value", Names("/f"));
        var third = await Client.PostAsync("get-secret-value", Names("/f"));

        first.AssertStatus(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(2), first.RetryAfter);
        Assert.False(string.IsNullOrEmpty(first.Error));
        second.AssertStatus(HttpStatusCode.ServiceUnavailable);
        third.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Counters_CountEveryRequestIncludingFailures()
    {
        Emulator.Counters.Reset();
        Emulator.Faults.FailNext("describe-item", 1, 500);

        await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/x" });
        await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/x" });
        await Client.PostAsync("list-items");

        Assert.Equal(2, Emulator.Counters.Get("describe-item"));
        Assert.Equal(1, Emulator.Counters.Get("list-items"));
        Assert.Equal(0, Emulator.Counters.Get("auth"));
        Assert.Equal(2, Emulator.Counters.Snapshot().Count);
    }

    [Fact]
    public async Task ValueReads_CountEachNameServed_InBatchesToo_AndNothingForAFailedRequest()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/r/a", ["value"] = "1" });
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/r/b", ["value"] = "2" });
        Emulator.Counters.Reset();

        await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/r/a", "r/b") });
        await Client.PostAsync("get-secret-value", Names("/r/a"));
        (await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/r/b", "/r/missing") })).AssertStatus(HttpStatusCode.NotFound);

        Assert.Equal(2, Emulator.Counters.ValueReads("/r/a"));
        Assert.Equal(1, Emulator.Counters.ValueReads("/r/b"));
        Assert.Equal(0, Emulator.Counters.ValueReads("/r/missing"));
        Emulator.Counters.Reset();
        Assert.Equal(0, Emulator.Counters.ValueReads("/r/a"));
    }

    [Fact]
    public async Task AddLatency_DelaysResponses()
    {
        Emulator.Faults.AddLatency("*", TimeSpan.FromMilliseconds(150));

        var watch = Stopwatch.StartNew();
        (await Client.PostAsync("list-items")).AssertStatus(HttpStatusCode.OK);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(140), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task AbortNext_DropsConnectionWithoutResponse()
    {
        Emulator.Faults.AbortNext("list-items", 1);

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.PostAsync("list-items"));
        (await Client.PostAsync("list-items")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FailFraction_IsDeterministicAndRoughlyProportional()
    {
        Emulator.Faults.FailFraction("list-items", 0.5, 500);

        var failures = 0;
        for (var i = 0; i < 40; i++)
        {
            failures += (await Client.PostAsync("list-items")).Status == HttpStatusCode.InternalServerError ? 1 : 0;
        }

        Assert.InRange(failures, 8, 32);
        Emulator.Faults.Clear();
        (await Client.PostAsync("list-items")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AdminApi_FaultsAndCounters_WorkOverHttp()
    {
        var http = Client.Http;
        (await http.PostAsJsonAsync("__emulator/faults", new { command = "list-items", count = 1, status = 429, retryAfterSeconds = 1 })).EnsureSuccessStatusCode();

        var failed = await Client.PostAsync("list-items");
        var ok = await Client.PostAsync("list-items");
        var counters = await http.GetFromJsonAsync<Dictionary<string, long>>("__emulator/counters");
        (await http.DeleteAsync("__emulator/counters")).EnsureSuccessStatusCode();
        var afterReset = await http.GetFromJsonAsync<Dictionary<string, long>>("__emulator/counters");
        var health = await http.GetAsync("__emulator/health");
        var bad = await http.PostAsJsonAsync("__emulator/faults", new { command = "x" });
        (await http.PostAsJsonAsync("__emulator/faults", new { command = "*", latencyMs = 1 })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("__emulator/faults", new { command = "auth", fraction = 0.0, status = 500 })).EnsureSuccessStatusCode();
        (await http.DeleteAsync("__emulator/faults")).EnsureSuccessStatusCode();

        failed.AssertStatus(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(1), failed.RetryAfter);
        ok.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(2, counters!["list-items"]);
        Assert.Empty(afterReset!);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task AdminApi_UnknownFaultCommand_400NamesTheFixWithoutADotNetParameterSuffix()
    {
        var bad = await Client.Http.PostAsJsonAsync("__emulator/faults", new { command = "nope", count = 1, status = 503 });
        var error = (await bad.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["error"];

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("'nope' is not a command the emulator serves; use a command name such as get-secret-value, or * for every command.", error);
    }

    [Fact]
    public async Task AdminApi_AbortOverHttp_DropsNextConnection()
    {
        (await Client.Http.PostAsJsonAsync("__emulator/faults", new { command = "list-items", abort = 1 })).EnsureSuccessStatusCode();

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.PostAsync("list-items"));
    }
}
