using System.Reflection;
using System.Text.RegularExpressions;

namespace AkeylessSharp.Samples.Tests.Docs;

/// <summary>The README's environment variable table names exactly the variables the library and the tool read.</summary>
public sealed partial class EnvironmentVariablesDocsTests
{
    [Fact]
    public void Table_NamesEveryVariable_AndNoOther()
    {
        var read = typeof(AkeylessEnvironmentVariables)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static f => f.IsLiteral)
            .Select(static f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();

        string section = Readme.Section("## Environment variables");
        var documented = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)]
            .Split('\n')
            .Where(static line => line.StartsWith("| `AKEYLESS_", StringComparison.Ordinal))
            .SelectMany(static line => VariableName().Matches(line.Split('|')[1]).Select(static m => m.Value))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(read);
        Assert.Equal(read, documented);
    }

    [GeneratedRegex("AKEYLESS_[A-Z0-9_]+")]
    private static partial Regex VariableName();
}
