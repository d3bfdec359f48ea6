using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace AkeylessSharp.CloudId.Aws.Internal;

/// <summary>
/// Builds the <c>aws_iam</c> cloud id: an STS <c>GetCallerIdentity</c> request signed with SigV4 for
/// <c>us-east-1</c>/<c>sts</c>, which Akeyless replays to STS to learn the caller's ARN. The request is never sent here.
/// </summary>
/// <remarks>
/// Signing uses the SDK's <see cref="AWS4Signer"/> on an SDK <see cref="DefaultRequest"/>: the signer is public and
/// takes the signing time, so no SigV4 code lives here. It signs every header it is given (and adds
/// <c>X-Amz-Content-SHA256</c>, as the SDK does for every call), so the header map below is exactly what was signed.
/// </remarks>
internal static class StsCallerIdentitySigner
{
    /// <summary>The global STS endpoint; only <c>us-east-1</c> signatures are valid there.</summary>
    public const string Url = "https://sts.amazonaws.com/";

    /// <summary>The form body of <c>GetCallerIdentity</c>.</summary>
    public const string Body = "Action=GetCallerIdentity&Version=2011-06-15";

    /// <summary>The content type of the form body, as the official helpers send it.</summary>
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>The signing region; the global endpoint lives there.</summary>
    public const string Region = "us-east-1";

    /// <summary>The signing service name.</summary>
    public const string Service = "sts";

    private const string Method = "POST";
    private static readonly byte[] s_body = Encoding.UTF8.GetBytes(Body);
    private static readonly AWS4Signer s_signer = new(signPayload: true);

    // The signer reads the region and service from the config unless the request overrides them (it does, below);
    // the STS config is the one the SDK itself would use for this call.
    private static readonly Lazy<AmazonSecurityTokenServiceConfig> s_config = new(() => new AmazonSecurityTokenServiceConfig
    {
        RegionEndpoint = RegionEndpoint.USEast1,
        AuthenticationRegion = Region,
    });

    /// <summary>Signs the request with the credentials at the given time and encodes it as a cloud id.</summary>
    /// <param name="credentials">The AWS credentials; a session token is sent and signed as <c>X-Amz-Security-Token</c>.</param>
    /// <param name="signedAt">The signing time, written as <c>X-Amz-Date</c>.</param>
    /// <returns>The base64 cloud id.</returns>
    public static string CreateCloudId(ImmutableCredentials credentials, DateTimeOffset signedAt)
    {
        var headers = Sign(credentials, signedAt);
        var headersJson = JsonSerializer.SerializeToUtf8Bytes(headers, StsCloudIdJsonContext.Relaxed.SortedDictionaryStringStringArray);
        var contract = new StsCloudIdContract(
            Method,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Url)),
            Convert.ToBase64String(s_body),
            Convert.ToBase64String(headersJson));
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(contract, StsCloudIdJsonContext.Relaxed.StsCloudIdContract));
    }

    /// <summary>Signs the request and returns its headers, <c>Authorization</c> included, sorted by name as Go marshals a map.</summary>
    internal static SortedDictionary<string, string[]> Sign(ImmutableCredentials credentials, DateTimeOffset signedAt)
    {
        using var request = new DefaultRequest(new GetCallerIdentityRequest(), "AmazonSecurityTokenService")
        {
            HttpMethod = Method,
            Endpoint = new Uri(Url),
            ResourcePath = "/",
            Content = s_body,
            AuthenticationRegion = Region,
            OverrideSigningServiceName = Service,
        };
        request.Headers["Content-Type"] = ContentType;
        request.Headers["Content-Length"] = s_body.Length.ToString(CultureInfo.InvariantCulture);
        if (credentials.UseToken)
        {
            // The SDK's pipeline adds this before signing; the standalone signer leaves it to the caller.
            request.Headers["X-Amz-Security-Token"] = credentials.Token;
        }

        var result = s_signer.SignRequest(request, s_config.Value, metrics: null, credentials.AccessKey, credentials.SecretKey, signedAt.UtcDateTime);
        request.Headers["Authorization"] = result.ForAuthorizationHeader;

        var headers = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = [value];
        }

        return headers;
    }
}
