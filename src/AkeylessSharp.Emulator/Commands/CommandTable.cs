using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Commands;

/// <summary>A command's handler and whether it needs a <c>token</c>/<c>uid-token</c>.</summary>
internal sealed record CommandEntry(string Name, bool RequiresToken, Func<CommandContext, Task<IResult>> Handler);

/// <summary>The command name → handler table; each command group registers its commands here.</summary>
internal sealed class CommandTable
{
    private readonly Dictionary<string, CommandEntry> _entries = new(StringComparer.Ordinal);

    public static CommandTable CreateDefault()
    {
        var table = new CommandTable();
        AuthCommands.Register(table);
        SecretValueCommands.Register(table);
        StaticSecretCommands.Register(table);
        ItemCommands.Register(table);
        ListItemsCommand.Register(table);
        DynamicSecretCommands.Register(table);
        RotatedSecretCommands.Register(table);
        UidCommands.Register(table);
        PermissionCommands.Register(table);
        SshCommands.Register(table);
        return table;
    }

    public IReadOnlySet<string> Names => _entries.Keys.ToHashSet(StringComparer.Ordinal);

    public void Add(string name, Func<CommandContext, Task<IResult>> handler, bool requiresToken = true) =>
        _entries.Add(name, new CommandEntry(name, requiresToken, handler));

    public bool TryGet(string name, out CommandEntry entry) => _entries.TryGetValue(name, out entry!);
}
