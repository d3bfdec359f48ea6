using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Auth;

/// <summary>
/// <c>uid-rotate-token</c> revokes the token being rotated before it issues the next one, in one step: of two
/// rotations of one token that both found it valid, exactly one gets a new token, so a copied token cannot fork the
/// identity into two live ones.
/// </summary>
public sealed class UidRotateRaceTests : EmulatorTestBase
{
    private readonly RendezvousClock _clock = new();

    protected override AkeylessEmulatorOptions CreateOptions() => new()
    {
        TimeProvider = _clock,
        SeedJson = """
        {
          "authMethods": [ { "name": "/uid/app", "type": "universal_identity" } ],
          "roles": [ { "name": "uid-readers", "authMethods": ["/uid/app"], "rules": [ { "path": "/app/*", "capabilities": ["read", "list"] } ] } ],
          "uidTokens": [ { "token": "u-racetoken", "authMethod": "/uid/app" } ]
        }
        """,
    };

    [Fact]
    public async Task UidRotateToken_TwoRotationsThatBothFoundTheTokenValid_ExactlyOneSucceeds()
    {
        using var other = new EmulatorClient(Emulator.BaseUrl);
        _clock.Armed = true;

        var results = await Task.WhenAll(
            Client.PostAsync("uid-rotate-token", new JsonObject { ["uid-token"] = "u-racetoken" }, withToken: false),
            other.PostAsync("uid-rotate-token", new JsonObject { ["uid-token"] = "u-racetoken" }, withToken: false));

        Assert.True(_clock.Met, "the two rotations did not meet while checking the token");
        var won = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Single(results, r => r.Status == HttpStatusCode.Unauthorized);
        (await Client.PostAsync("list-items", new JsonObject { ["uid-token"] = won.Str("token") }, withToken: false)).AssertStatus(HttpStatusCode.OK);
    }

    /// <summary>
    /// The system clock, except that the first two clock reads made by <c>uid-rotate-token</c> (its token check) wait
    /// for each other: both rotations have found the token valid before either goes on.
    /// </summary>
    private sealed class RendezvousClock : TimeProvider
    {
        private readonly CountdownEvent _arrivals = new(2);
        private int _count;

        public bool Armed { get; set; }

        public bool Met => _arrivals.IsSet;

        public override DateTimeOffset GetUtcNow()
        {
            if (Armed && new StackTrace().ToString().Contains("UidCommands.RotateAsync", StringComparison.Ordinal)
                && Interlocked.Increment(ref _count) <= 2)
            {
                _arrivals.Signal();
                _arrivals.Wait(TimeSpan.FromSeconds(10));
            }

            return base.GetUtcNow();
        }
    }
}
