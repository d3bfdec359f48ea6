using System.CommandLine;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;

namespace AkeylessSharp.Cli.Exec;

/// <summary>Which secrets become which variables: the <c>--map</c>, <c>--path</c> and <c>--json-expand</c> options of <c>exec</c> and <c>env</c>.</summary>
internal sealed class SecretSourceOptions
{
    public Option<string[]> Map { get; } = new("--map")
    {
        Description = "Set VAR to the static secret at /path; repeat for more.",
        HelpName = "VAR=/path",
    };

    public Option<string[]> Prefix { get; } = new("--path")
    {
        Description = "Set a variable for every static secret under /prefix, at any depth: the path below the prefix in upper case, other characters as _ (/prefix/db/password is DB_PASSWORD); repeat for more.",
        HelpName = "/prefix",
    };

    public Option<bool> JsonExpand { get; } = new("--json-expand")
    {
        Description = "Also set VAR_FIELD for each field of a JSON object value (VAR_DB_PORT for {\"db\":{\"port\":5432}}).",
    };

    public Option<string[]> AllowEnv { get; } = new("--allow-env")
    {
        Description = "Let --path or --json-expand set NAME although it controls how programs load or run (LD_PRELOAD, PATH, NODE_OPTIONS, DOTNET_*, ...); repeat for more.",
        HelpName = "NAME",
    };

    public IEnumerable<Option> All => [Map, Prefix, JsonExpand, AllowEnv];

    /// <exception cref="CliUsageException">A mapping or prefix is malformed, or none was given.</exception>
    public SecretSources Read(CommandContext context)
    {
        var maps = (context.Get(Map) ?? []).Select(ParseMap).ToList();
        var prefixes = (context.Get(Prefix) ?? []).Select(static p => ItemPath.RequireFolder(p, "--path")).Distinct(StringComparer.Ordinal).ToList();
        return maps.Count == 0 && prefixes.Count == 0
            ? throw new CliUsageException("no secrets to set: give --map VAR=/path or --path /prefix (or both, repeated).")
            : new SecretSources(maps, prefixes, context.Get(JsonExpand), ReadAllowed(context.Get(AllowEnv)));
    }

    private static HashSet<string> ReadAllowed(string[]? names) =>
        (names ?? []).Select(static n => EnvVariableName.Require(n, "in --allow-env")).ToHashSet(StringComparer.Ordinal);

    private static SecretMapping ParseMap(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new CliUsageException($"--map '{argument}' is not VAR=/path.");
        }

        var name = EnvVariableName.Require(argument[..equals], "in --map " + argument);
        return new SecretMapping(name, ItemPath.Require(argument[(equals + 1)..], $"the path of --map {name}"));
    }
}

/// <summary>One <c>--map VAR=/path</c>.</summary>
internal sealed record SecretMapping(string Name, string Path);

/// <summary>The parsed <see cref="SecretSourceOptions"/>; <c>Allowed</c> holds the <c>--allow-env</c> names, the <see cref="ProtectedVariables"/> a derived name may still set.</summary>
internal sealed record SecretSources(IReadOnlyList<SecretMapping> Maps, IReadOnlyList<string> Prefixes, bool JsonExpand, IReadOnlySet<string> Allowed);
