using System.ComponentModel;
using System.Globalization;

namespace AkeylessSharp.Settings.Internal;

/// <summary>Lets configuration binding accept <c>api_key</c>, <c>uid</c>, <c>certificate</c> and the other reference spellings.</summary>
internal sealed class AkeylessAccessTypeConverter : EnumConverter
{
    public AkeylessAccessTypeConverter()
        : base(typeof(AkeylessAccessType))
    {
    }

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is string text)
        {
            return AkeylessAccessTypeNames.TryParse(text, out var accessType)
                ? accessType
                : throw new FormatException($"'{text}' is not an Akeyless access type. Allowed: {AkeylessAccessTypeNames.AllowedNames}.");
        }

        return base.ConvertFrom(context, culture, value);
    }
}
