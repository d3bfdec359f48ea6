using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Settings.Internal;

/// <summary>
/// Turns the configuration binder's conversion failure into a configuration error naming the full key and the expected
/// type. The binder's own message (and inner exception) quotes the value, which may be a secret set under the wrong key,
/// so neither is kept. The configuration provider and Aspire packages apply the same rule to their own settings.
/// </summary>
internal static partial class BindingErrors
{
    /// <summary>Describes <paramref name="exception"/>; <paramref name="pathPrefix"/> is prepended when the binder saw keys relative to it.</summary>
    public static AkeylessConfigurationException Describe(InvalidOperationException exception, string? pathPrefix)
    {
        var match = ConversionFailure().Match(exception.Message);
        if (!match.Success)
        {
            return new AkeylessConfigurationException(
                $"A value under '{pathPrefix}' cannot be converted to its option's type; correct it, or remove it to keep the default.", pathPrefix);
        }

        var path = match.Groups["path"].Value;
        if (!string.IsNullOrEmpty(pathPrefix))
        {
            path = ConfigurationPath.Combine(pathPrefix, path);
        }

        var type = match.Groups["type"].Value;
        return new AkeylessConfigurationException(
            $"The configuration value at '{path}' is not a valid {type[(type.LastIndexOf('.') + 1)..]}; correct it, or remove it to keep the default.", path);
    }

    [GeneratedRegex(@"at '(?<path>[^']*)' to type '(?<type>[^']*)'\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();
}
