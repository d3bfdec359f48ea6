using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Samples.Tests.Snippets;

/// <summary>
/// Every C# snippet of the READMEs compiles against the packages as they are: a renamed method, a moved namespace or
/// an option that no longer exists fails here instead of in a reader's first five minutes.
/// </summary>
public sealed class ReadmeSnippetTests
{
    private static readonly string Root = Repository.Root;

    public static TheoryData<ReadmeSnippet> Snippets()
    {
        var data = new TheoryData<ReadmeSnippet>();
        foreach (var snippet in ReadmeSnippet.Readmes(Root).SelectMany(static readme => ReadmeSnippet.Read(Root, readme)))
        {
            data.Add(snippet);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_Compiles(ReadmeSnippet snippet)
    {
        var errors = SnippetCompiler.Errors(snippet.Code);

        Assert.True(errors.Count == 0, $"{snippet} does not compile:\n{string.Join('\n', errors)}\n---\n{snippet.Code}");
    }

    [Fact]
    public void EveryPackageReadme_IsRead_AndTheMainOnesShowCode()
    {
        var readmes = ReadmeSnippet.Readmes(Root).Select(r => Path.GetRelativePath(Root, r)).ToList();
        var withCode = readmes.Where(r => ReadmeSnippet.Read(Root, Path.Combine(Root, r)).Any()).ToList();

        Assert.Equal(Directory.EnumerateDirectories(Path.Combine(Root, "src")).Count(), readmes.Count(r => r.StartsWith("src", StringComparison.Ordinal)));
        Assert.Contains("README.md", withCode);
        Assert.Contains(Path.Combine("src", "AkeylessSharp", "README.md"), withCode);
        Assert.Contains(Path.Combine("src", "AkeylessSharp.Configuration", "README.md"), withCode);
    }

    [Fact]
    public void IndentedBlocks_AreRead_WithTheirLineNumbers()
    {
        string readme = Path.Combine(Path.GetTempPath(), $"readme-{Guid.NewGuid():N}.md");
        File.WriteAllText(readme, "text\n\n- item\n  ```csharp\n  var a = 1;\n    var b = a;\n  ```\n```bash\nls\n```\n```cs\nx();\n```\n");
        try
        {
            var snippets = ReadmeSnippet.Read(Path.GetTempPath(), readme).ToList();

            Assert.Equal(2, snippets.Count);
            Assert.Equal((4, "var a = 1;\n  var b = a;\n"), (snippets[0].Line, snippets[0].Code.ReplaceLineEndings("\n")));
            Assert.Equal((11, "x();\n"), (snippets[1].Line, snippets[1].Code.ReplaceLineEndings("\n")));
        }
        finally
        {
            File.Delete(readme);
        }
    }

    [Theory]
    [InlineData("builder.Services.AddAkeyless(o => o.NoSuchOption = 1);", "CS1061")]
    [InlineData("using var client = new AkeylessClient(new AkeylessClientOptions());\nawait client.NoSuchMethodAsync(\"/a\");", "CS1061")]
    [InlineData("var akeyless = builder.AddAkeyless(\"akeyless\").RunAsEmulator();\nbuilder.AddProject<Projects.Missing>(\"api\");", "CS0234")]
    public void BrokenSnippets_Fail_NamingTheLine(string code, string error)
    {
        var errors = SnippetCompiler.Errors(code);

        Assert.Contains(errors, e => e.Contains(error, StringComparison.Ordinal) && e.StartsWith($"line {code.Split('\n').Length}:", StringComparison.Ordinal));
    }

    [Fact]
    public void SnippetsUsingTheirOwnVariables_AndUsings_Compile()
    {
        Assert.Empty(SnippetCompiler.Errors("using AkeylessSharp;\n\nvar builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddAkeyless(o => o.AccessId = \"p-x\");"));
        Assert.Empty(SnippetCompiler.Errors(".AddMemoryCache();"));
    }
}
