using System.Text.Json.Nodes;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;
using AkeylessSharp.Secrets.Internal;

namespace AkeylessSharp;

/// <content>The escape hatch: any API command, with the client's token, retries, timeouts and errors.</content>
public partial class AkeylessClient
{
    private static readonly AkeylessCommandOptions s_defaultCommandOptions = new();
    private static readonly Action<JsonObject, string> s_setToken = static (request, token) => request["token"] = token;

    /// <summary>
    /// Sends an API command the client does not wrap (as the Airflow hook's <c>get_conn()</c> hands out the raw SDK):
    /// <c>POST {ApiUrl}/{command}</c> with <paramref name="body"/> as given plus the client's API token, through the
    /// same retries, timeouts, re-authentication on 401 and typed errors as every other call.
    /// </summary>
    /// <param name="command">The command name, such as <c>list-roles</c> or <c>get-certificate-value</c>: lowercase letters, digits and <c>-</c>.</param>
    /// <param name="body">The request fields in the API's kebab-case (<c>{"name": "/prod/cert"}</c>); not modified.</param>
    /// <param name="options">Whether the command is idempotent (retried after server errors), token and timeout; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response body as JSON.</returns>
    /// <exception cref="ArgumentException"><paramref name="command"/> is not a command name, or <paramref name="body"/> is nested deeper than 1,000 objects and arrays or holds text with an unpaired surrogate.</exception>
    /// <exception cref="AkeylessNotFoundException">The command names an item that does not exist.</exception>
    /// <exception cref="AkeylessUnauthorizedException">Authentication failed.</exception>
    /// <exception cref="AkeylessForbiddenException">The roles do not allow the command.</exception>
    /// <exception cref="AkeylessBadRequestException">The service refused the body; its message says why.</exception>
    /// <exception cref="AkeylessTimeoutException">The call took longer than its timeout.</exception>
    /// <exception cref="AkeylessException">The service does not know <paramref name="command"/> (<see cref="AkeylessException.StatusCode"/> 404, not an <see cref="AkeylessNotFoundException"/>), or any other failure of the service or the network.</exception>
    /// <example>
    /// <code>
    /// JsonNode? roles = await client.InvokeAsync("list-roles", new JsonObject(), new AkeylessCommandOptions { Idempotent = true });
    /// </code>
    /// </example>
    public virtual async Task<JsonNode?> InvokeAsync(string command, JsonObject body, AkeylessCommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfNotCommand(command);
        ArgumentNullException.ThrowIfNull(body);
        ThrowIfNotSendable(body);
        ReadArguments.ThrowIfInvalidTimeout(options?.Timeout, "AkeylessCommandOptions.Timeout", nameof(options));
        options ??= s_defaultCommandOptions;
        var request = body.DeepClone().AsObject();
        var sendToken = options.SendToken && !request.ContainsKey("token") && !request.ContainsKey("uid-token");
        try
        {
            return await InvokeCoreAsync(
                command, ItemName(request), request, RawCommandJsonContext.Default.JsonObject, RawCommandJsonContext.Default.JsonNode, options.Timeout,
                static (response, _) => (JsonNode?)response, (object?)null, new TokenCarrier<JsonObject>(sendToken ? s_setToken : null, options.Idempotent), cancellationToken).ConfigureAwait(false);
        }
        catch (AkeylessException ex) when (Errors.Internal.ExceptionFactory.IsUnknownCommand(ex))
        {
            throw Errors.Internal.ExceptionFactory.UnknownCommand(ex);
        }
        catch (AkeylessUnauthorizedException ex) when (!sendToken && !Errors.Internal.ExceptionFactory.IsCredentialCommand(command))
        {
            // Not the client's token and no authentication again: the message about those would send the caller astray.
            throw Errors.Internal.ExceptionFactory.CallersTokenRejected(ex, tokenInBody: options.SendToken);
        }
    }

    // The command becomes a path segment under the API URL: anything else could address another endpoint or origin.
    private static void ThrowIfNotCommand(string command)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        foreach (var c in command)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                throw new ArgumentException($"{Errors.Internal.Quote.Of(command)} is not an Akeyless command name: use lowercase letters, digits and '-', such as 'list-roles'.", nameof(command));
            }
        }
    }

    // What System.Text.Json writes at most (JsonWriterOptions.MaxDepth's default); walked without recursion, before the
    // body is copied, so no depth can overflow the stack. Its names and strings are checked on the way: one holding an
    // unpaired surrogate would be sent as U+FFFD, other text than the caller gave.
    private const int MaxBodyDepth = 1000;

    private static void ThrowIfNotSendable(JsonObject body)
    {
        var pending = new Stack<(JsonNode Node, int Depth)>();
        pending.Push((body, 1));
        while (pending.TryPop(out var entry))
        {
            if (entry.Depth > MaxBodyDepth)
            {
                throw new ArgumentException($"The body is nested deeper than {MaxBodyDepth} objects and arrays, which JSON serialization cannot write.", nameof(body));
            }

            IEnumerable<JsonNode?> children = entry.Node switch
            {
                JsonObject obj => obj.Select(static property => Internal.SentText.IsText(property.Key) ? property.Value : throw NotText()),
                JsonArray array => array,
                _ => [],
            };
            foreach (var child in children)
            {
                if (child is JsonObject or JsonArray)
                {
                    pending.Push((child, entry.Depth + 1));
                }
                else if (child is JsonValue value && IsUnsendable(value))
                {
                    throw NotText();
                }
            }
        }
    }

    private static bool IsUnsendable(JsonValue value)
    {
        try
        {
            return value.TryGetValue<string>(out var text) && !Internal.SentText.IsText(text);
        }
        catch (InvalidOperationException)
        {
            // Parsed JSON text escaping half a pair ("\ud800"): serializing the body would fail with a JsonException.
            return true;
        }
    }

    private static ArgumentException NotText() =>
        new("The body holds a name or string with an unpaired surrogate (half of a UTF-16 pair), which is not text: JSON cannot carry it (it would become U+FFFD, other text than given). Pass valid Unicode text.", "body");

    private static string? ItemName(JsonObject request) =>
        request["name"] is JsonValue name && name.TryGetValue<string>(out var text) ? text
        : request["path"] is JsonValue folder && folder.TryGetValue<string>(out var path) ? path
        : null;
}
