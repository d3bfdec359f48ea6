using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AkeylessSharp.Configuration.Tests.Connections;

/// <summary>Fuzzing of the connection parsers: any input gives a connection or a typed error, never another exception.</summary>
public class ConnectionParserPropertyTests
{
    private static readonly string[] s_fragments =
    [
        "postgres://", "://", "@", ":", "/", "?", "&", "=", "#", "[", "]", "%", "%2F", "%zz", "{", "}", "\"", ",",
        "conn_uri", "conn_type", "port", "extra", "__extra__", "65536", "-1", "5432", "host", "\\", "\u00e9", "\ud83d\ude00", " ", "\n",
    ];

    [Property(MaxTest = 500)]
    public bool Parse_AnyString_GivesConnectionOrFormatException(string? value) => ParsesOrFailsTyped(value ?? "");

    [Property(MaxTest = 1000)]
    public Property Parse_UriShapedString_GivesConnectionOrFormatException() =>
        Prop.ForAll(UriShaped().ToArbitrary(), ParsesOrFailsTyped);

    [Property(MaxTest = 1000)]
    public Property Parse_JsonShapedString_GivesConnectionOrFormatException() =>
        Prop.ForAll(JsonShaped().ToArbitrary(), ParsesOrFailsTyped);

    [Property(MaxTest = 500)]
    public bool Parse_EncodedLoginAndPassword_RoundTrip(NonEmptyString login, NonEmptyString password)
    {
        var uri = $"postgresql://{Uri.EscapeDataString(login.Get)}:{Uri.EscapeDataString(password.Get)}@host:5432/db";
        var c = AkeylessConnection.Parse(uri);
        return c.Login == login.Get && c.Password == password.Get && c.Host == "host" && c.Port == 5432 && c.Schema == "db";
    }

    [Property(MaxTest = 500)]
    public bool Parse_JsonFieldsOfAnyText_RoundTrip(NonEmptyString host, NonEmptyString password)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["conn_type"] = "postgres", ["host"] = host.Get, ["password"] = password.Get, ["port"] = 1 });
        var c = AkeylessConnection.Parse(json);
        return c.Host == host.Get && c.Password == password.Get && c.Port == 1;
    }

    private static bool ParsesOrFailsTyped(string value)
    {
        try
        {
            var connection = AkeylessConnection.Parse(value, "fuzz");
            _ = connection.ToConnectionString();
            _ = connection.ToString();
            return true;
        }
        catch (AkeylessConnectionFormatException ex)
        {
            return ex.ConnectionId is null or "fuzz" && ex.Reason.Length > 0;
        }
    }

    private static Gen<string> UriShaped() =>
        from scheme in Gen.Elements("postgres", "postgresql", "mysql", "mssql", "redis", "http", "x-y", "a")
        from parts in Gen.ArrayOf(Gen.OneOf(Gen.Elements(s_fragments), ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)))
        select scheme + "://" + string.Concat(parts);

    private static Gen<string> JsonShaped() =>
        from parts in Gen.ArrayOf(Gen.OneOf(Gen.Elements(s_fragments), Gen.Elements("1", "true", "null", "[", "]", "\"a\"")))
        select "{" + string.Concat(parts);
}
