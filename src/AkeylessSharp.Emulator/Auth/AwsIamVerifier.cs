using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>
/// <c>aws_iam</c>: the cloud id is a signed STS GetCallerIdentity request. Instead of replaying it to AWS, the
/// emulator recomputes its SigV4 signature with the seed's trusted credentials and maps the access key id to an ARN.
/// </summary>
internal sealed class AwsIamVerifier : IAuthVerifier
{
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    public string AccessType => "aws_iam";

    public AuthMethodSeed Verify(AuthRequest request)
    {
        var method = request.RequireMethod(AccessType);
        var trust = method.AwsIam ?? throw Errors.AuthFailed($"auth method {method.Name} has no aws_iam trust configured");
        var sts = StsRequest.Decode(request.Body.RequiredString("cloud-id"));
        var auth = SigV4Authorization.Parse(sts.Header("authorization"));
        if (auth.Service != "sts")
        {
            throw Errors.AuthFailed($"the signed request is for service '{auth.Service}', expected sts");
        }

        var credential = trust.Credentials.FirstOrDefault(c => c.AccessKeyId == auth.AccessKeyId)
            ?? throw Errors.AuthFailed($"AWS access key id {auth.AccessKeyId} is not trusted by {method.Name}");
        var amzDate = sts.Header("x-amz-date");
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw Errors.AuthFailed("the signed request has no valid X-Amz-Date header");
        }

        if ((request.Now - signedAt).Duration() > MaxSkew)
        {
            throw Errors.AuthFailed("the signed request is older than 15 minutes (X-Amz-Date)");
        }

        if (!auth.Scope.StartsWith(amzDate[..8] + "/", StringComparison.Ordinal))
        {
            throw Errors.AuthFailed("the credential scope date does not match X-Amz-Date");
        }

        if (sts.HasHeader("x-amz-security-token") && !auth.SignedHeaders.Contains("x-amz-security-token"))
        {
            throw Errors.AuthFailed("X-Amz-Security-Token must be a signed header");
        }

        var values = auth.SignedHeaders.ToDictionary(h => h, h => h == "host" && !sts.HasHeader("host") ? sts.Url.Authority : sts.Header(h), StringComparer.Ordinal);
        var expected = SigV4.Sign(credential.SecretAccessKey, sts.Method, sts.Url, values, auth.SignedHeaders, sts.Body, amzDate, auth.Scope);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(auth.Signature)))
        {
            throw Errors.AuthFailed("the SigV4 signature of the STS request does not verify");
        }

        StsCallerIdentityCheck.Require(sts);

        CheckBindings(method, trust, credential.Arn);
        return method;
    }

    private static void CheckBindings(AuthMethodSeed method, AwsIamSeed trust, string arn)
    {
        if (trust.BoundArns.Count > 0 && !trust.BoundArns.Any(p => Authorizer.Matches(p.StartsWith('/') ? p : "/" + p, "/" + arn)))
        {
            throw Errors.AuthFailed($"ARN {arn} is not bound to {method.Name}");
        }

        var account = arn.Split(':') is { Length: > 4 } parts ? parts[4] : "";
        if (trust.BoundAccountIds.Count > 0 && !trust.BoundAccountIds.Contains(account, StringComparer.Ordinal))
        {
            throw Errors.AuthFailed($"AWS account {account} is not bound to {method.Name}");
        }
    }
}
