using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Settings.Internal;

/// <summary>
/// Turns the configuration binder's conversion failure into a configuration error naming the full key and the expected
/// type. The binder's own message (and inner exception) quotes the value, which may be a secret set under the wrong key,
/// so neither is kept. Compiled into the configuration provider and Aspire packages too, for their own settings.
/// </summary>
internal static partial class BindingErrors
{
    /// <summary>
    /// Runs <paramref name="bind"/>, a typed <c>Bind</c> call (so the source generator binds it without reflection), with
    /// the binder's conversion failure turned into the error <see cref="Describe"/> makes.
    /// </summary>
    /// <param name="section">The configuration bound, for the full key in the message.</param>
    /// <param name="bind">The binding.</param>
    /// <param name="keysRelativeToSection">Whether the binder sees the keys without the section's path (a layered copy of the section).</param>
    public static void Run(IConfiguration section, Action bind, bool keysRelativeToSection = false)
    {
        try
        {
            bind();
        }
        catch (InvalidOperationException ex)
        {
            throw Describe(ex, (section as IConfigurationSection)?.Path, keysRelativeToSection);
        }
    }

    /// <summary>Describes <paramref name="exception"/>, thrown binding <paramref name="sectionPath"/>.</summary>
    /// <param name="exception">The binder's failure.</param>
    /// <param name="sectionPath">The section bound, or <see langword="null"/> for a configuration root.</param>
    /// <param name="keysRelativeToSection">Whether the binder saw the keys without the section's path (a layered copy of the section).</param>
    public static AkeylessConfigurationException Describe(InvalidOperationException exception, string? sectionPath, bool keysRelativeToSection = false)
    {
        var match = ConversionFailure().Match(exception.Message);
        if (!match.Success)
        {
            return new AkeylessConfigurationException(
                $"A value under '{sectionPath}' cannot be converted to its option's type; correct it, or remove it to keep the default.", sectionPath);
        }

        var path = match.Groups["path"].Value;
        if (keysRelativeToSection && !string.IsNullOrEmpty(sectionPath))
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
