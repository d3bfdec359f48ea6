using System.Text;

namespace AkeylessSharp.Samples.Tests.Snippets;

/// <summary>A C# code block of a README, with the line its fence opens on.</summary>
public sealed record ReadmeSnippet(string File, int Line, string Code)
{
    /// <summary>The READMEs users read first: the repository's, and each package's (shown on its NuGet page).</summary>
    public static IEnumerable<string> Readmes(string root) =>
        new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src"), "README.md", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "samples"), "README.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);

    /// <summary>Every <c>csharp</c> or <c>cs</c> fenced block of <paramref name="readme"/>, its fence's indentation removed.</summary>
    public static IEnumerable<ReadmeSnippet> Read(string root, string readme)
    {
        string[] lines = System.IO.File.ReadAllLines(readme);
        string name = Path.GetRelativePath(root, readme);
        for (int i = 0; i < lines.Length; i++)
        {
            string fence = lines[i].TrimStart();
            if (fence is not ("```csharp" or "```cs"))
            {
                continue;
            }

            int indent = lines[i].Length - fence.Length;
            int opened = i + 1;
            var code = new StringBuilder();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                code.AppendLine(lines[i].Length >= indent ? lines[i][indent..] : lines[i].TrimStart());
            }

            yield return new ReadmeSnippet(name, opened, code.ToString());
        }
    }

    /// <summary>Names the snippet in a test's display name.</summary>
    public override string ToString() => $"{File}:{Line}";
}
