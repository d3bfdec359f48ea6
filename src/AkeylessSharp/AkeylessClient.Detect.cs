using AkeylessSharp.Diagnostics;
using AkeylessSharp.Secrets.Internal;

namespace AkeylessSharp;

/// <content>
/// <see cref="GetAsync"/>: the item type is detected once per path and kept for <see cref="DetectedTypeTtl"/>; a typed read
/// that fails as if the item changed type (or went away) detects again once.
/// </content>
public partial class AkeylessClient
{
    /// <summary>How long a detected item type is trusted before <c>describe-item</c> is asked again.</summary>
    internal static readonly TimeSpan DetectedTypeTtl = TimeSpan.FromMinutes(5);

    // Entries end with their time to live and are swept, so a process reading ever new paths does not keep them all.
    private readonly Caching.Internal.ExpiringMap<AkeylessItemType> _detectedTypes = null!;

    /// <summary>Gets how many detected types are remembered; for tests.</summary>
    internal int DetectedTypeCount => _detectedTypes.Count;

    /// <inheritdoc />
    /// <exception cref="AkeylessNotFoundException">No item exists at <paramref name="path"/>.</exception>
    /// <exception cref="AkeylessException">The item is not a static, dynamic or rotated secret.</exception>
    /// <exception cref="AkeylessJsonAttributeException">A <see cref="SecretRequestOptions.JsonAttribute"/> was given and the value is not JSON or lacks it.</exception>
    public virtual async Task<SecretValue> GetAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Internal.SentText.ThrowIfInvalidPath(path);
        ReadArguments.ThrowIfInvalid(options);
        ThrowIfDisposed();
        var known = _detectedTypes.TryGet(path, out var type);
        if (!known)
        {
            type = await DetectTypeAsync(path, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await ReadAsTypeAsync(path, type, options, cancellationToken).ConfigureAwait(false);
        }
        catch (AkeylessException ex) when (known && ex is AkeylessNotFoundException or AkeylessBadRequestException)
        {
            // Deleted and re-created as another kind since it was detected: detect again, once.
            type = await DetectTypeAsync(path, cancellationToken).ConfigureAwait(false);
            return await ReadAsTypeAsync(path, type, options, cancellationToken).ConfigureAwait(false);
        }
        catch (AkeylessNotFoundException)
        {
            ForgetDetectedType(path);
            throw;
        }
    }

    private void ForgetDetectedType(string path) => _detectedTypes.Remove(path);

    private async Task<AkeylessItemType> DetectTypeAsync(string path, CancellationToken cancellationToken)
    {
        ForgetDetectedType(path);
        var type = (await DescribeItemAsync(path, cancellationToken).ConfigureAwait(false)).Type;
        _detectedTypes.Set(path, type, _detectedTypes.After(DetectedTypeTtl));
        Log.ItemTypeDetected(_logger, path, type);
        return type;
    }

    private async Task<SecretValue> ReadAsTypeAsync(string path, AkeylessItemType type, SecretRequestOptions? options, CancellationToken cancellationToken)
    {
        var value = type switch
        {
            AkeylessItemType.StaticSecret => await GetSecretAsync(path, options, cancellationToken).ConfigureAwait(false),
            AkeylessItemType.DynamicSecret => Select((await GetDynamicSecretAsync(path, DetectedKindOptions.ForDynamic(options), cancellationToken).ConfigureAwait(false)).Fields.GetRawText(), path, options),
            AkeylessItemType.RotatedSecret => Select((await GetRotatedSecretAsync(path, DetectedKindOptions.ForRotated(options), cancellationToken).ConfigureAwait(false)).Fields.GetRawText(), path, options),
            _ => throw new AkeylessException($"GetAsync reads static, dynamic and rotated secrets; the item at {Errors.Internal.Quote.Of(path)} is a {type}. Use the operation for that item type.", path: path),
        };
        return new SecretValue { Type = type, Value = value };
    }
}
