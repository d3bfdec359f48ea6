using System.Text.Json.Nodes;
using AkeylessSharp.Errors.Internal;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;

namespace AkeylessSharp;

/// <content>The escape hatch: any API command, with the client's token, retries, timeouts and errors.</content>
public partial class AkeylessClient
{
    private static readonly AkeylessCommandOptions s_defaultCommandOptions = new();

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
    /// <exception cref="ArgumentException"><paramref name="command"/> is not a command name.</exception>
    /// <exception cref="AkeylessNotFoundException">The command names an item that does not exist.</exception>
    /// <exception cref="AkeylessUnauthorizedException">Authentication failed.</exception>
    /// <exception cref="AkeylessForbiddenException">The roles do not allow the command.</exception>
    /// <exception cref="AkeylessBadRequestException">The service refused the body; its message says why.</exception>
    /// <exception cref="AkeylessTimeoutException">The call took longer than its timeout.</exception>
    /// <exception cref="AkeylessException">Any other failure of the service or the network.</exception>
    /// <example>
    /// <code>
    /// JsonNode? roles = await client.InvokeAsync("list-roles", new JsonObject(), new AkeylessCommandOptions { Idempotent = true });
    /// </code>
    /// </example>
    public virtual async Task<JsonNode?> InvokeAsync(string command, JsonObject body, AkeylessCommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfNotCommand(command);
        ArgumentNullException.ThrowIfNull(body);
        options ??= s_defaultCommandOptions;
        var request = body.DeepClone().AsObject();
        var path = ItemName(request);
        var sendToken = options.SendToken && !request.ContainsKey("token") && !request.ContainsKey("uid-token");
        var limit = options.Timeout ?? _options.Timeout;
        using var timeoutSource = CallTimeout.Start(limit, _timeProvider);
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token) : null;
        var callToken = linked?.Token ?? timeoutSource.Token;
        using var scope = _telemetry.Start(command, path);
        try
        {
            JsonNode response;
            if (!sendToken)
            {
                response = await SendRawAsync(command, path, request, options, callToken).ConfigureAwait(false);
                scope.Succeeded();
                return response;
            }

            var token = await _tokens.GetTokenAsync(callToken).ConfigureAwait(false);
            request["token"] = token.Value;
            try
            {
                response = await SendRawAsync(command, path, request, options, callToken).ConfigureAwait(false);
            }
            catch (AkeylessUnauthorizedException)
            {
                // A 401 means the command was not run, so sending it again with a fresh token is safe even for a write.
                OnTokenRejected(token, command, scope);
                token = await _tokens.GetTokenAsync(callToken).ConfigureAwait(false);
                request["token"] = token.Value;
                response = await SendRawAsync(command, path, request, options, callToken).ConfigureAwait(false);
            }

            scope.Succeeded();
            return response;
        }
        catch (OperationCanceledException ex) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var timedOut = ExceptionFactory.Timeout(command, path, limit, ex);
            scope.Failed(timedOut);
            throw timedOut;
        }
        catch (Exception ex) when (scope.Failed(ex))
        {
            throw;
        }
    }

    private ValueTask<JsonNode> SendRawAsync(string command, string? path, JsonObject request, AkeylessCommandOptions options, CancellationToken cancellationToken) =>
        _transport.SendAsync(command, path, request, RawCommandJsonContext.Default.JsonObject, RawCommandJsonContext.Default.JsonNode, cancellationToken, options.Idempotent);

    // The command becomes a path segment under the API URL: anything else could address another endpoint or origin.
    private static void ThrowIfNotCommand(string command)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        foreach (var c in command)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                throw new ArgumentException($"'{command}' is not an Akeyless command name: use lowercase letters, digits and '-', such as 'list-roles'.", nameof(command));
            }
        }
    }

    private static string? ItemName(JsonObject request) =>
        request["name"] is JsonValue name && name.TryGetValue<string>(out var text) ? text
        : request["path"] is JsonValue folder && folder.TryGetValue<string>(out var path) ? path
        : null;
}
