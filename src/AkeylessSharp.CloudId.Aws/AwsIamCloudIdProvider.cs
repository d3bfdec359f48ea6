using AkeylessSharp.Auth;
using AkeylessSharp.CloudId.Aws.Internal;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkeylessSharp.CloudId;

/// <summary>
/// The <c>aws_iam</c> cloud id: an STS <c>GetCallerIdentity</c> request signed (SigV4, <c>us-east-1</c>, <c>sts</c>) with
/// the workload's AWS credentials, encoded as the official Akeyless cloud-id helpers do. Akeyless replays it to STS to
/// learn the caller's ARN; no AWS call is made here except what the credential source itself needs (IMDS, STS for web identity).
/// </summary>
/// <remarks>
/// Credentials come from <see cref="AkeylessAwsCloudIdOptions.AwsCredentials"/> or else the AWS SDK's default chain:
/// environment, web identity, shared profile, ECS/EKS container, EC2 instance role. Each call signs afresh, so
/// refreshed role credentials are picked up. Thread-safe.
/// </remarks>
public sealed class AwsIamCloudIdProvider : ICloudIdProvider, IDisposable
{
    private readonly AWSCredentials? _credentials;
    private readonly DefaultAWSCredentialsIdentityResolver? _defaultChain;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates a provider that uses the AWS SDK's default credential chain.</summary>
    public AwsIamCloudIdProvider()
        : this(null, null, null)
    {
    }

    /// <summary>Creates a provider.</summary>
    /// <param name="options">The credentials and clock to use; <see langword="null"/> for the defaults.</param>
    public AwsIamCloudIdProvider(AkeylessAwsCloudIdOptions? options)
        : this(options, null, null)
    {
    }

    internal AwsIamCloudIdProvider(AkeylessAwsCloudIdOptions? options, TimeProvider? timeProvider, ILogger? logger)
    {
        _credentials = options?.AwsCredentials;
        // One resolver per provider: it caches what it resolved and re-resolves when the environment or profile files change.
        _defaultChain = _credentials is null ? new DefaultAWSCredentialsIdentityResolver() : null;
        _timeProvider = options?.TimeProvider ?? timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public AkeylessAccessType AccessType => AkeylessAccessType.AwsIam;

    /// <summary>Signs a fresh <c>GetCallerIdentity</c> request and returns it as the <c>cloud-id</c> of the <c>auth</c> call.</summary>
    /// <param name="options">The client's options; <c>aws_iam</c> reads none of them.</param>
    /// <param name="cancellationToken">Cancels the credential lookup.</param>
    /// <returns>The base64 cloud id.</returns>
    /// <exception cref="AkeylessCloudIdException">No AWS credentials were found, or their source failed to produce keys.</exception>
    public async ValueTask<string> GetCloudIdAsync(AkeylessClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credentials = _credentials ?? await ResolveDefaultAsync(cancellationToken).ConfigureAwait(false);
        var source = credentials.GetType().Name;

        ImmutableCredentials keys;
        try
        {
            keys = await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsSourceFailure(ex, cancellationToken))
        {
            throw AwsCloudIdErrors.AwsCredentialsFailed(source, ex);
        }

        if (keys is null || string.IsNullOrEmpty(keys.AccessKey) || string.IsNullOrEmpty(keys.SecretKey))
        {
            throw AwsCloudIdErrors.AwsEmptyCredentials(source);
        }

        var cloudId = StsCallerIdentitySigner.CreateCloudId(keys, _timeProvider.GetUtcNow());
        Log.AwsCloudIdCreated(_logger, source, keys.UseToken);
        return cloudId;
    }

    /// <summary>Releases the default chain's file watchers.</summary>
    public void Dispose() => _defaultChain?.Dispose();

    private async Task<AWSCredentials> ResolveDefaultAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _defaultChain!.ResolveIdentityAsync(clientConfig: null, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            // Also covers ProfileNotFoundException (AWS_PROFILE naming a missing profile).
            throw AwsCloudIdErrors.AwsNoCredentials(ex);
        }
        catch (Exception ex) when (IsSourceFailure(ex, cancellationToken))
        {
            throw AwsCloudIdErrors.AwsCredentialsFailed("the AWS SDK's default chain", ex);
        }
    }

    // A credential source fails in more ways than AmazonClientException: AmazonServiceException for an endpoint answering
    // 500 or garbage (IMDS, container credentials), ArgumentException for keys missing from its answer, and any exception
    // at all from a caller's own AWSCredentials. Only the caller's cancellation passes through untouched.
    private static bool IsSourceFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested;
}
