using System.CommandLine;
using AkeylessSharp.Cli.Settings;

namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>What a command's action works with: the parsed command line, the console and, on first use, a client.</summary>
internal sealed class CommandContext(ParseResult parse, CliConsole console, Func<Task<ClientSession>> connect, CancellationToken cancellationToken) : IAsyncDisposable
{
    private ClientSession? _session;

    public ParseResult Parse { get; } = parse;

    public CliConsole Console { get; } = console;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    public T? Get<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>Binds the settings and creates the client (starting the emulator for <c>--emulator</c>); called after the
    /// command has checked its own arguments, so usage errors never wait for a network or an emulator.</summary>
    public async Task<IAkeylessClient> ConnectAsync()
    {
        _session ??= await connect().ConfigureAwait(false);
        return _session.Client;
    }

    /// <summary>The variable the connected client read its JWT from (<c>--jwt-env</c>), if any; known after <see cref="ConnectAsync"/>.</summary>
    public string? JwtEnvironmentVariable => _session?.JwtEnvironmentVariable;

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync().ConfigureAwait(false);
        }
    }
}
