using System.Globalization;
using AkeylessSharp.Emulator.Commands;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>
/// Handles <c>POST /{command}</c>: counts it, applies faults, parses the body, authenticates the token,
/// runs the handler and maps every failure to <c>{"error":"..."}</c> with its status.
/// </summary>
internal sealed class CommandDispatcher
{
    private const int MaxEchoedNameLength = 100;
    private readonly EmulatorState _state;
    private readonly CommandTable _table;
    private readonly ILogger _logger;
    private readonly UnexpectedErrors _unexpected;

    // Cancelled when the emulator stops: a request held by injected latency ends then.
    private readonly CancellationToken _stopping;

    public CommandDispatcher(EmulatorState state, CommandTable table, ILogger logger, CancellationToken stopping)
    {
        _state = state;
        _table = table;
        _logger = logger;
        _unexpected = new UnexpectedErrors(logger);
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var command = http.Request.RouteValues["command"] as string ?? "";
        if (!_table.TryGet(command, out var entry))
        {
            // One shared counter: a client inventing command names must not grow the emulator's memory.
            _state.Counters.Increment(EmulatorCounters.UnknownCommand);
            await Reply.Error(404, $"unknown command: {Truncate(command)}").ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        _state.Counters.Increment(command);
        if (!await ApplyFaultsAsync(http, command).ConfigureAwait(false))
        {
            return;
        }

        IResult result;
        try
        {
            result = await ExecuteAsync(http, entry).ConfigureAwait(false);
        }
        catch (CommandException e)
        {
            Log.CommandFailed(_logger, command, e.StatusCode, e.Message);
            result = Reply.Error(e.StatusCode, e.Message);
        }
        catch (BadHttpRequestException e)
        {
            result = Reply.Error(e.StatusCode, $"malformed request: {e.Message}");
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // A client still sending its body when the emulator stops is dropped: the host would wait out its shutdown timeout.
            http.Abort();
            return;
        }
        catch (SqliteException e)
        {
            // Not a bug: the disk is full, or the file was damaged under the emulator. The write was rolled back.
            var reason = e.Message.TrimEnd('.');
            Log.DataFileWriteFailed(_logger, command, reason);
            result = Reply.Error(StatusCodes.Status500InternalServerError, $"internal error: the emulator's data file could not be written ({reason}); nothing was changed");
        }
#pragma warning disable CA1031 // The emulator must answer with a JSON error whatever went wrong.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _unexpected.Report(command, e);
            result = Reply.Error(StatusCodes.Status500InternalServerError, $"internal error: {e.GetType().Name} (an emulator bug)");
        }

        await result.ExecuteAsync(http).ConfigureAwait(false);
    }

    private static string Truncate(string name) => name.Length <= MaxEchoedNameLength ? name : name[..MaxEchoedNameLength] + "...";

    private async Task<IResult> ExecuteAsync(HttpContext http, CommandEntry entry)
    {
        var command = entry.Name;
        var body = RequestBody.Parse(await ReadBodyAsync(http, _state.Options.MaxRequestBodyBytes, _stopping).ConfigureAwait(false));
        if (_state.Options.StrictWire)
        {
            WireSchema.Validate(command, body);
        }

        var caller = entry.RequiresToken
            ? _state.Tokens.Resolve(body.String("token") is { Length: > 0 } t ? t : body.String("uid-token"))
            : null;
        var context = new CommandContext
        {
            Command = command,
            Body = body,
            State = _state,
            Caller = caller,
            CancellationToken = http.RequestAborted,
        };
        return await entry.Handler(context).ConfigureAwait(false);
    }

    private async Task<bool> ApplyFaultsAsync(HttpContext http, string command)
    {
        var fault = _state.Faults.Evaluate(command);
        if (fault.Latency > TimeSpan.Zero)
        {
            // Real time on purpose: injected latency is about wall-clock behaviour, even under a fake clock. Stopping the
            // emulator ends the wait (and drops the connection): the host would otherwise wait out its shutdown timeout.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping);
            try
            {
                await Task.Delay(fault.Latency, wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
            {
                http.Abort();
                return false;
            }
        }

        if (fault.Abort)
        {
            Log.FaultInjected(_logger, command, "abort");
            http.Abort();
            return false;
        }

        if (fault.FailStatus is { } status)
        {
            Log.FaultInjected(_logger, command, status.ToString(CultureInfo.InvariantCulture));
            if (fault.RetryAfter is { } retry)
            {
                http.Response.Headers.RetryAfter = Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            await Reply.Error(status, $"injected fault: {command} failed with status {status}").ExecuteAsync(http).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext http, int maxBodyBytes, CancellationToken stopping)
    {
        // Like the service, the emulator reads the body as sent: a compressed one would otherwise be "invalid JSON".
        if (http.Request.Headers.ContentEncoding is { Count: > 0 } encoding && !string.Equals(encoding.ToString(), "identity", StringComparison.OrdinalIgnoreCase))
        {
            throw new CommandException(415, $"Content-Encoding '{Truncate(encoding.ToString())}' is not supported: send the JSON body uncompressed");
        }

        if (http.Request.ContentLength > maxBodyBytes)
        {
            throw new CommandException(413, $"request body larger than {maxBodyBytes} bytes (the emulator's MaxRequestBodyBytes)");
        }

        using var buffer = new MemoryStream();
        using var readCancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, readCancel.Token).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes)
            {
                throw new CommandException(413, $"request body larger than {maxBodyBytes} bytes (the emulator's MaxRequestBodyBytes)");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
