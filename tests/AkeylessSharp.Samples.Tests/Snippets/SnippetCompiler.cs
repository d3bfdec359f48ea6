using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AkeylessSharp.Samples.Tests.Snippets;

/// <summary>
/// Compiles a README snippet the way a reader pastes it into a project: as top-level statements, with the implicit
/// usings of the project kind it belongs to (an ASP.NET Core app, or an Aspire app host when it adds projects or the
/// emulator resource), <c>using AkeylessSharp;</c>, and the namespaces of the cloud SDK types it names. The variables a
/// snippet uses without declaring (<c>builder</c>, <c>services</c>, <c>key</c>, ...) are declared in front of it; a
/// snippet starting with <c>.</c> continues <c>services.AddAkeyless(...)</c>.
/// </summary>
internal static partial class SnippetCompiler
{
    private static readonly string[] AppUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json",
        "System.Threading", "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        "AkeylessSharp", "Amazon.Runtime", "Azure.Identity", "Google.Apis.Auth.OAuth2", "Xunit",
    ];

    private static readonly string[] AppHostUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks", "Aspire.Hosting", "Aspire.Hosting.ApplicationModel", "AkeylessSharp",
    ];

    private static readonly (string Name, string Declaration)[] AppVariables =
    [
        ("builder", "var builder = WebApplication.CreateBuilder();"),
        ("services", "IServiceCollection services = new ServiceCollection();"),
        ("cacheKey", "string cacheKey = \"\";"),
        ("key", "string key = \"\";"),
        ("accessKey", "string accessKey = \"\";"),
        ("seed", "string seed = \"{}\";"),
        ("source", "AWSCredentials source = new AnonymousAWSCredentials();"),
        ("roleArn", "string roleArn = \"arn:aws:iam::123456789012:role/app\";"),
    ];

    private static readonly (string Name, string Declaration)[] AppHostVariables =
    [
        ("builder", "var builder = DistributedApplication.CreateBuilder();"),
    ];

    // The project an app host snippet adds, as the Aspire SDK generates it for a project reference.
    private const string AppHostProjects = """

        namespace Projects
        {
            internal sealed class Api : Aspire.Hosting.IProjectMetadata
            {
                public string ProjectPath => "Api/Api.csproj";
            }
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static bool IsAppHost(string code) =>
        code.Contains("AddProject<", StringComparison.Ordinal) || code.Contains("RunAsEmulator(", StringComparison.Ordinal);

    /// <summary>The errors of compiling <paramref name="code"/>, each with its line in the snippet.</summary>
    public static IReadOnlyList<string> Errors(string code)
    {
        bool appHost = IsAppHost(code);
        var (directives, body) = SplitUsingDirectives(code);
        var program = new StringBuilder().Append(directives);
        foreach (var (name, declaration) in appHost ? AppHostVariables : AppVariables)
        {
            if (!Declares(body, name))
            {
                program.AppendLine(declaration);
            }
        }

        string statements = body.TrimStart().StartsWith('.') ? "services.AddAkeyless(o => { })" + body.TrimStart() : body;
        program.AppendLine("#line 1").Append(statements);
        if (appHost)
        {
            program.Append(AppHostProjects);
        }

        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var usings = string.Concat((appHost ? AppHostUsings : AppUsings).Select(static u => $"global using {u};\n"));
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            [CSharpSyntaxTree.ParseText(usings, parse, "Usings.cs"), CSharpSyntaxTree.ParseText(program.ToString(), parse, "Snippet.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        return compilation.GetDiagnostics()
            .Where(static d => d.Severity == DiagnosticSeverity.Error)
            .Select(static d => $"line {d.Location.GetMappedLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
    }

    private static bool Declares(string code, string name) =>
        Regex.IsMatch(code, $@"\b(?:var|[A-Z][\w.<>?]*|string)\s+{name}\s*=", RegexOptions.CultureInvariant);

    // using directives must precede the declarations put in front of the snippet; "using var" is a statement.
    private static (string Directives, string Body) SplitUsingDirectives(string code)
    {
        var directives = new StringBuilder();
        var lines = code.Split('\n');
        int i = 0;
        for (; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (UsingDirective().IsMatch(line))
            {
                directives.AppendLine(line);
            }
            else if (line.Length != 0)
            {
                break;
            }
        }

        // Blank lines count so that "#line 1" keeps the snippet's own line numbers.
        return (directives.ToString(), string.Join('\n', Enumerable.Repeat("//", i).Concat(lines[i..])));
    }

    private static ImmutableArray<MetadataReference> LoadReferences() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))];

    [GeneratedRegex(@"^using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>]+)?\s*;$", RegexOptions.CultureInvariant)]
    private static partial Regex UsingDirective();
}
