namespace AkeylessSharp.Cli.Exec;

/// <summary>
/// Variables that decide how a program is loaded or run (the dynamic loader, shells, language runtimes, .NET and Java
/// agents, the commands git, pagers and editors start): whoever sets one can run code in the program. A name <c>exec</c> and <c>env</c> derive from a secret's path
/// (<c>--path</c>) or a JSON field (<c>--json-expand</c>) may not be one of these unless <c>--allow-env NAME</c> says so,
/// since anyone allowed to create an item under the prefix could otherwise choose it. The CLI README lists the same names.
/// </summary>
internal static class ProtectedVariables
{
    private static readonly string[] s_names =
    [
        "PATH", "IFS", "ENV", "BASH_ENV", "SHELLOPTS", "BASHOPTS", "PROMPT_COMMAND", "PS4", "CDPATH", "GLOBIGNORE", "GCONV_PATH",
        "NODE_OPTIONS", "NODE_PATH", "PYTHONPATH", "PYTHONSTARTUP", "PYTHONHOME", "PYTHONINSPECT", "PERL5OPT", "PERL5LIB", "PERLLIB",
        "RUBYOPT", "RUBYLIB", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH",
        "ASPNETCORE_HOSTINGSTARTUPASSEMBLIES",
        "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_EXEC_PATH", "GIT_PROXY_COMMAND", "GIT_EXTERNAL_DIFF",
        "GIT_PAGER", "GIT_EDITOR", "GIT_CONFIG", "PAGER", "EDITOR", "VISUAL", "BROWSER", "LESSOPEN", "LESSCLOSE",
    ];

    // Whole families: the loaders' LD_* and DYLD_*, the .NET runtime's knobs, profilers and startup hooks, and git's
    // configuration from the environment (GIT_CONFIG_COUNT/KEY_n/VALUE_n can set core.sshCommand).
    private static readonly string[] s_prefixes = ["LD_", "DYLD_", "DOTNET_", "COMPLUS_", "CORECLR_", "COR_PROFILER", "GIT_CONFIG_"];

    /// <summary>The names refused as they are.</summary>
    public static IReadOnlyList<string> Names => s_names;

    /// <summary>The beginnings of names refused as families.</summary>
    public static IReadOnlyList<string> Prefixes => s_prefixes;

    /// <summary>Whether <paramref name="name"/> is on the list; case is ignored, as Windows and the .NET runtime ignore it.</summary>
    public static bool Contains(string name) =>
        s_names.Contains(name, StringComparer.OrdinalIgnoreCase)
        || s_prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
