using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Aspire.Internal;

/// <summary>
/// Turns the configuration binder's conversion failure into a configuration error naming the key and the expected type.
/// The binder's own message (and inner exception) quotes the value, which may be a secret set under the wrong key.
/// The configuration provider package applies the same rule to its own section.
/// </summary>
internal static partial class BindingErrors
{
    public static AkeylessConfigurationException Describe(InvalidOperationException exception, string? sectionPath)
    {
        var match = ConversionFailure().Match(exception.Message);
        if (!match.Success)
        {
            return new AkeylessConfigurationException(
                $"A value under '{sectionPath}' cannot be converted to its option's type; correct it, or remove it to keep the default.", sectionPath);
        }

        var path = match.Groups["path"].Value;
        if (!string.IsNullOrEmpty(sectionPath) && !path.StartsWith(sectionPath + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase))
        {
            path = ConfigurationPath.Combine(sectionPath, path);
        }

        var type = match.Groups["type"].Value;
        return new AkeylessConfigurationException(
            $"The configuration value at '{path}' is not a valid {type[(type.LastIndexOf('.') + 1)..]}; correct it, or remove it to keep the default.", path);
    }

    [GeneratedRegex(@"at '(?<path>[^']*)' to type '(?<type>[^']*)'\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();
}
