using System.CommandLine.Completions;
using AkeylessSharp.Cli.Settings;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkeylessSharp.Cli.Completion;

/// <summary>
/// Completes secret paths (<c>/prod/d</c> → <c>/prod/db/</c>, <c>/prod/deploy-key</c>) by listing the folder before the
/// last '/', when the settings hold a credential that authenticates without interaction (an access key, a uid token or
/// a JWT). Completion must never prompt, hang or print errors: anything else, a failure, or no answer within
/// <see cref="Limit"/> completes no path.
/// </summary>
internal sealed class SecretPathCompletion(ClientSettingsBinder binder, GlobalOptions globals, ClientFactory factory)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public IEnumerable<CompletionItem> Complete(CompletionContext context)
    {
        var word = context.WordToComplete;
        if (context.ParseResult.GetValue(globals.Emulator) || (word.Length > 0 && word[0] != '/'))
        {
            return [];
        }

#pragma warning disable CA1031 // A completion that fails offers nothing; the user is typing, not running a command.
        try
        {
            var options = binder.Bind(context.ParseResult);
            if (!AuthenticatesQuietly(options))
            {
                return [];
            }

            options.MaxRetries = 0;
            var client = factory(options, NullLoggerFactory.Instance);
            using var owned = client as IDisposable;
            using var limit = new CancellationTokenSource(Limit);

            // System.CommandLine asks for completions synchronously; this process does nothing else meanwhile.
            return ListAsync(client, word, limit.Token).GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            return [];
        }
#pragma warning restore CA1031
    }

    private static bool AuthenticatesQuietly(AkeylessClientOptions options) => options.AccessType switch
    {
        AkeylessAccessType.ApiKey => options.AccessId is not null && options.AccessKey is not null,
        AkeylessAccessType.UniversalIdentity => options.UidToken is not null,
        AkeylessAccessType.Jwt => options.Jwt is not null,
        _ => false,
    };

    private static async Task<List<CompletionItem>> ListAsync(IAkeylessClient client, string word, CancellationToken cancellationToken)
    {
        var slash = word.LastIndexOf('/');
        var typedFolder = slash < 0 ? "/" : word[..(slash + 1)];
        var folder = typedFolder.Length > 1 ? typedFolder.TrimEnd('/') : "/";
        var folders = await client.ListSubfoldersAsync(folder, cancellationToken).ConfigureAwait(false);
        var secrets = await client.ListSecretsAsync(folder, cancellationToken).ConfigureAwait(false);
        return [.. folders.Select(f => typedFolder + f + "/").Concat(secrets.Select(s => typedFolder + s))
            .Where(candidate => candidate.StartsWith(word, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(static candidate => new CompletionItem(candidate))];
    }
}
