using System.CommandLine;
using System.Globalization;

namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>
/// Parses an <c>int?</c> option itself: the parser's own error names the .NET type (<c>System.Nullable`1[System.Int32]</c>),
/// which tells a user nothing; this one names the option, the value and the range.
/// </summary>
internal static class WholeNumberOption
{
    public static Option<int?> WholeNumber(this Option<int?> option)
    {
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"{option.Name} '{text}' is not a whole number (at most {int.MaxValue}).");
            return null;
        };
        return option;
    }

    /// <summary>Makes the parser of a <see cref="WholeNumber"/> option refuse a value below <paramref name="minimum"/>; <paramref name="fix"/> says what to give instead.</summary>
    public static Option<int?> AtLeast(this Option<int?> option, int minimum, string fix)
    {
        var parse = option.CustomParser ?? throw new InvalidOperationException($"{option.Name} is not a WholeNumber option.");
        option.CustomParser = result =>
        {
            var value = parse(result);
            if (value < minimum)
            {
                result.AddError($"{option.Name} {value} is out of range: {fix}.");
                return null;
            }

            return value;
        };
        return option;
    }
}
