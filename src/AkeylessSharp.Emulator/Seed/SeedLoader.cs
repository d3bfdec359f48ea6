using System.Text.Json;
using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Hosting;
using AkeylessSharp.Emulator.Storage;
using AkeylessSharp.Emulator.Wire;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Emulator.Seed;

/// <summary>
/// Applies the seed file and seed text. Auth methods, roles and uid tokens are loaded every start; an item is
/// created only the first time its name is seeded into a data file, so the file keeps later changes and deletions.
/// </summary>
internal static class SeedLoader
{
    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        "access_key", "jwt", "k8s", "cert", "aws_iam", "azure_ad", "gcp", "universal_identity",
    };

    private static readonly HashSet<string> KnownCapabilities = new([.. Authorizer.AllCapabilities, "deny"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The longest token lifetime: a century, far inside the range of the expiry dates it is added to.</summary>
    public static readonly TimeSpan MaxTokenTtl = TimeSpan.FromDays(36_500);

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static async Task ApplyAsync(EmulatorState state, AkeylessEmulatorOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (options.SeedPath is { } path)
        {
            if (Directory.Exists(path))
            {
                throw new InvalidOperationException($"The seed {path} is a directory; give SeedPath (--seed) a JSON file.");
            }

            await ApplyAsync(state, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path, logger, cancellationToken).ConfigureAwait(false);
        }

        if (options.SeedJson is { } json)
        {
            await ApplyAsync(state, json, "SeedJson", logger, cancellationToken).ConfigureAwait(false);
        }
    }

    public static SeedDocument Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            if (SeedNulls.Find(document.RootElement) is { } path)
            {
                throw new InvalidOperationException($"The seed {source} is not valid: {path} is null; remove the entry or give it a value.");
            }

            return document.Deserialize(SeedJsonContext.Default.SeedDocument)
                ?? throw new InvalidOperationException($"The seed {source} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The seed {source} is not valid: {SeedJsonErrors.Describe(e)}", e);
        }
    }

    private static async Task ApplyAsync(EmulatorState state, string json, string source, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var seed = Parse(json, source);
            SeedDuplicates.Check(seed, source);
            await ApplyAsync(state, seed, logger, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandException e)
        {
            // The checks shared with the API (path length, value formats, MaxItems) throw its 400; at start-up it is a bad seed.
            throw new InvalidOperationException($"The seed {source} is not valid: {e.Message}.", e);
        }
    }

    private static async Task ApplyAsync(EmulatorState state, SeedDocument seed, ILogger logger, CancellationToken cancellationToken)
    {
        var development = state.Directory.FindByName(AccessIds.DefaultMethodName)!;
        for (var i = 0; i < seed.AuthMethods.Count; i++)
        {
            var method = seed.AuthMethods[i];
            if (string.IsNullOrWhiteSpace(method.Name) || !KnownTypes.Contains(method.Type))
            {
                throw new InvalidOperationException(
                    $"Seed auth method '{method.Name}' has type '{method.Type}'; expected a name and one of: {string.Join(", ", KnownTypes)}.");
            }

            // Nothing could log in with it: a key no caller can match is a seed mistake, not a locked door.
            if (method.Type == "access_key" && string.IsNullOrWhiteSpace(method.AccessKey))
            {
                throw new InvalidOperationException(
                    $"Seed auth method '{method.Name}' is an access_key method without a key; set authMethods[{i}].accessKey to the key callers send (type access_key is the default when type is left out).");
            }

            RefuseDevelopmentCredential(method, development);

            CheckTtl(method.TokenTtlSeconds, method.Name, "tokenTtlSeconds");
            CheckTtl(method.UniversalIdentity?.TtlSeconds, method.Name, "universalIdentity.ttlSeconds");
            SeedTrust.Check(method);
            state.Directory.Add(method);
        }

        for (var i = 0; i < seed.Roles.Count; i++)
        {
            CheckCapabilities(seed.Roles[i], i);
            state.Directory.Add(seed.Roles[i]);
        }

        for (var i = 0; i < seed.UidTokens.Count; i++)
        {
            var uid = seed.UidTokens[i];

            // auth and uid-rotate-token take only u- tokens; bulk revokes and expiries treat t- ones as API tokens.
            if (!uid.Token.StartsWith("u-", StringComparison.Ordinal) || uid.Token.Length == 2)
            {
                throw new InvalidOperationException($"Seed uidTokens[{i}].token must be a universal identity token: u- followed by some characters.");
            }

            var method = state.Directory.FindByName(uid.AuthMethod)
                ?? throw new InvalidOperationException($"Seed uid token refers to unknown auth method '{uid.AuthMethod}'.");
            state.Tokens.IssueUid(method, UidTtl(method, state.Options), uid.Token);
        }

        var records = new List<StoredItem>(seed.Items.Count);
        foreach (var item in seed.Items)
        {
            records.Add(SeedItems.Build(state, item));
        }

        var created = await state.Items.ApplySeedAsync(records, cancellationToken).ConfigureAwait(false);

        Log.SeedApplied(logger, seed.AuthMethods.Count, seed.Roles.Count, created);
    }

    /// <summary>A misspelt capability would grant nothing, and every call of the role's clients be a 403 with no hint why.</summary>
    private static void CheckCapabilities(RoleSeed role, int index)
    {
        for (var r = 0; r < role.Rules.Count; r++)
        {
            var capabilities = role.Rules[r].Capabilities;
            for (var c = 0; c < capabilities.Count; c++)
            {
                if (!KnownCapabilities.Contains(capabilities[c]))
                {
                    throw new InvalidOperationException(
                        $"Seed role '{role.Name}' has roles[{index}].rules[{r}].capabilities[{c}] '{capabilities[c]}'; expected one of: {string.Join(", ", KnownCapabilities)}.");
                }
            }
        }
    }

    public static TimeSpan UidTtl(AuthMethodSeed method, AkeylessEmulatorOptions options) =>
        method.UniversalIdentity?.TtlSeconds is { } s ? TimeSpan.FromSeconds(s) : options.TokenTtl;

    /// <summary>
    /// A seed method under the development credential's name or access id would take it over, and the credential the
    /// emulator advertises (<see cref="AkeylessEmulator.AccessId"/>, <see cref="AkeylessEmulator.AccessKey"/>) would stop working.
    /// </summary>
    private static void RefuseDevelopmentCredential(AuthMethodSeed method, AuthMethodSeed development)
    {
        var taken = ItemPath.Normalize(method.Name) == development.Name ? $"name '{development.Name}'"
            : method.AccessId == development.AccessId ? $"access id '{development.AccessId}'"
            : null;
        if (taken is not null)
        {
            throw new InvalidOperationException(
                $"Seed auth method '{method.Name}' has the {taken} of the emulator's development credential; give it another. To change the development credential itself, set AccessId/AccessKey in the options or AKEYLESS_EMULATOR_ACCESS_ID/AKEYLESS_EMULATOR_ACCESS_KEY.");
        }
    }

    private static void CheckTtl(int? seconds, string method, string field)
    {
        if (seconds is <= 0)
        {
            throw new InvalidOperationException($"Seed auth method '{method}' has {field} {seconds}; use a positive number of seconds, or leave it out for the emulator's token lifetime.");
        }
    }
}
