using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AkeylessSharp.CloudId.Tests.TestSupport;
using Azure.Core;

namespace AkeylessSharp.CloudId.Tests.Azure;

/// <summary>An Azure credential that issues a Resource Manager-style access token with the given tenant and object ids, offline.</summary>
internal sealed class FakeTokenCredential(string tenantId, string objectId, TimeProvider? timeProvider = null) : TokenCredential
{
    // One key for every instance: generating RSA keys is the slowest part of these tests.
    private static readonly RSA s_key = RSA.Create(2048);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public List<string[]> RequestedScopes { get; } = [];

    public string? LastToken { get; private set; }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        RequestedScopes.Add(requestContext.Scopes);
        var now = _time.GetUtcNow();
        LastToken = TestJwt.Create(s_key, new JsonObject
        {
            ["aud"] = "https://management.azure.com/",
            ["iss"] = $"https://sts.windows.net/{tenantId}/",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
            ["tid"] = tenantId,
            ["oid"] = objectId,
            ["sub"] = objectId,
            ["xms_mirid"] = "/subscriptions/0000/resourcegroups/rg/providers/Microsoft.Compute/virtualMachines/vm",
        }, keyId: "test-key");
        return new AccessToken(LastToken, now.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}

/// <summary>An Azure credential that always fails the way Azure.Identity does when nothing is configured or the sign-in fails.</summary>
internal sealed class FailingTokenCredential(Exception exception) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw exception;

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => ValueTask.FromException<AccessToken>(exception);
}
