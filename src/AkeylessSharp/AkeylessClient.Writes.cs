using AkeylessSharp.Diagnostics;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;

namespace AkeylessSharp;

/// <content>
/// Writes. None of them is replayed after a 5xx or a timeout: the server may already have applied it. For the same reason
/// each one evicts what it may have changed from the cache whether it succeeded or not.
/// </content>
public partial class AkeylessClient
{
    /// <inheritdoc />
    /// <exception cref="AkeylessForbiddenException">The roles do not allow creating at <paramref name="path"/>.</exception>
    public virtual async Task CreateSecretAsync(string path, string value, CreateSecretOptions? options = null, CancellationToken cancellationToken = default)
    {
        Internal.SentText.ThrowIfInvalidPath(path);
        EnsureValue(value);
        ThrowIfNotText(options);
        var request = new CreateSecretRequest
        {
            Name = path,
            Value = value,
            Description = options?.Description,
            Tags = options is { Tags.Count: > 0 } ? options.Tags : null,
            Format = options?.Format,
        };
        try
        {
            await InvokeAsync(CommandCatalog.CreateSecret, path, request, AkeylessJsonContext.Default.CreateSecretRequest,
                AkeylessJsonContext.Default.NameResponse, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ForgetWrittenAsync(path).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <exception cref="AkeylessNotFoundException">No item exists at <paramref name="path"/>.</exception>
    public virtual async Task UpdateSecretValueAsync(string path, string value, bool keepPreviousVersion = true, CancellationToken cancellationToken = default)
    {
        Internal.SentText.ThrowIfInvalidPath(path);
        EnsureValue(value);
        var request = new UpdateSecretValueRequest { Name = path, Value = value, KeepPreviousVersion = keepPreviousVersion ? "true" : "false" };
        try
        {
            await InvokeAsync(CommandCatalog.UpdateSecretValue, path, request, AkeylessJsonContext.Default.UpdateSecretValueRequest,
                AkeylessJsonContext.Default.NameResponse, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await InvalidateCachedAsync(path).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>Only <see cref="AkeylessNotFoundException"/> from the update leads to a create; every other failure propagates.</remarks>
    public virtual async Task UpsertSecretAsync(string path, string value, CreateSecretOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfNotText(options);
        try
        {
            await UpdateSecretValueAsync(path, value, keepPreviousVersion: true, cancellationToken).ConfigureAwait(false);
        }
        catch (AkeylessNotFoundException)
        {
            Log.UpsertCreating(_logger, path);
            await CreateSecretAsync(path, value, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <exception cref="AkeylessNotFoundException">No item exists at <paramref name="path"/>.</exception>
    public virtual async Task DeleteItemAsync(string path, CancellationToken cancellationToken = default)
    {
        Internal.SentText.ThrowIfInvalidPath(path);
        try
        {
            await InvokeAsync(CommandCatalog.DeleteItem, path, new DeleteItemRequest { Name = path }, AkeylessJsonContext.Default.DeleteItemRequest,
                AkeylessJsonContext.Default.JsonElement, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ForgetWrittenAsync(path).ConfigureAwait(false);
        }
    }

    // Also after a failed write: one whose answer was lost (a timeout, a dropped connection) may have been applied.
    private ValueTask ForgetWrittenAsync(string path)
    {
        ForgetDetectedType(path);
        return InvalidateCachedAsync(path);
    }

    private static void ThrowIfNotText(CreateSecretOptions? options)
    {
        Internal.SentText.ThrowIfNotText(options?.Description, "CreateSecretOptions.Description", nameof(options));
        foreach (var tag in options?.Tags ?? [])
        {
            Internal.SentText.ThrowIfNotText(tag, "A tag of CreateSecretOptions.Tags", nameof(options));
        }
    }

    // Akeyless requires a value and refuses an empty one (400); white space is a value like any other and is stored as given.
    private static void EnsureValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw new ArgumentException("The secret value is empty, which Akeyless refuses; pass the value to store (white space is stored as given).", nameof(value));
        }

        Internal.SentText.ThrowIfNotText(value, "The secret value", nameof(value));
    }
}
