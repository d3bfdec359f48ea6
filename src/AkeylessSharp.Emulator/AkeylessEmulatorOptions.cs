using AkeylessSharp.Emulator.Hosting;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Emulator;

/// <summary>
/// Settings for an <see cref="AkeylessEmulator"/>. Every property has a default suitable for tests,
/// so <c>new AkeylessEmulatorOptions()</c> gives an in-memory emulator on a free loopback port.
/// </summary>
public sealed class AkeylessEmulatorOptions
{
    private List<string> _allowedHosts = [];

    /// <summary>Gets or sets the Kestrel URL(s) to listen on, separated by <c>;</c>.</summary>
    /// <value>The default is <c>http://127.0.0.1:0</c> (a free loopback port).</value>
    public string? Urls { get; set; }

    /// <summary>Gets or sets the SQLite file holding the items; <see langword="null"/> keeps everything in memory.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? DataPath { get; set; }

    /// <summary>Gets or sets the path of a seed JSON file (auth methods, roles, items) applied at start-up.</summary>
    /// <value>The default is <see langword="null"/> (no seed file).</value>
    public string? SeedPath { get; set; }

    /// <summary>Gets or sets seed JSON text, applied after <see cref="SeedPath"/>; convenient for tests.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? SeedJson { get; set; }

    /// <summary>
    /// Gets or sets the clock used for token expiry, item dates, rotation intervals and dynamic secret TTLs.
    /// Tests pass a fake provider and move it instead of sleeping.
    /// </summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the lifetime of the <c>t-</c> tokens returned by <c>auth</c>: positive, at most 100 years.</summary>
    /// <value>The default is one hour.</value>
    public TimeSpan TokenTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets the access id of the development credential. The environment variable
    /// <c>AKEYLESS_EMULATOR_ACCESS_ID</c> is used when this is <see langword="null"/>.
    /// </summary>
    /// <value>The default is <see langword="null"/>, meaning <c>p-akeylessemu1a0</c>.</value>
    public string? AccessId { get; set; }

    /// <summary>
    /// Gets or sets the access key of the development credential. The environment variable
    /// <c>AKEYLESS_EMULATOR_ACCESS_KEY</c> is used when this is <see langword="null"/>.
    /// </summary>
    /// <value>The default is <see langword="null"/>, meaning the well-known development key.</value>
    public string? AccessKey { get; set; }

    /// <summary>Gets or sets how many items <c>list-items</c> returns per page when <c>auto-pagination</c> is disabled.</summary>
    /// <value>The default is 1000, like the service.</value>
    public int DefaultPageSize { get; set; } = 1000;

    /// <summary>Gets or sets the largest request body accepted; a larger one is answered with 413.</summary>
    /// <value>The default is 4 MiB.</value>
    public int MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Gets or sets the largest secret value (UTF-8 bytes) a command may store; a larger one is answered with 400.</summary>
    /// <value>The default is 16 KiB, the documented limit of the service.</value>
    public int MaxValueBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Gets or sets how many versions of an item are kept; when an update adds one more, the oldest is pruned
    /// (the service's "maximum number of versions" setting).
    /// </summary>
    /// <value>The default is 100.</value>
    public int MaxVersionsPerItem { get; set; } = 100;

    /// <summary>Gets or sets how many items the emulator holds; creating one more is answered with 400.</summary>
    /// <value>The default is 100,000.</value>
    public int MaxItems { get; set; } = 100_000;

    /// <summary>
    /// Gets or sets the token the <c>/__emulator/</c> admin API requires (header <c>Authorization: Bearer ...</c>).
    /// Required when <see cref="Urls"/> binds a non-loopback address.
    /// </summary>
    /// <value>The default is <see langword="null"/>: admin requests need only the <c>X-Akeyless-Emulator</c> header.</value>
    public string? AdminToken { get; set; }

    /// <summary>
    /// Gets the host names, besides loopback ones, that requests may name in their <c>Host</c> header while the emulator
    /// listens on loopback only; <c>*.example.test</c> allows every subdomain. Any other name is refused with 400, so a web page
    /// that points its own domain at 127.0.0.1 (DNS rebinding) cannot reach the emulator. An emulator listening beyond
    /// loopback answers every name and relies on <see cref="AdminToken"/> instead.
    /// </summary>
    /// <value>The default is empty: only <c>localhost</c>, <c>*.localhost</c>, <c>127.x.x.x</c> and <c>[::1]</c>.</value>
    public IList<string> AllowedHosts => _allowedHosts;

    /// <summary>
    /// Gets or sets whether requests are checked against each command's official field names and JSON types:
    /// an unknown field, or a string where a boolean or number belongs, is answered with 400 naming the field.
    /// </summary>
    /// <value>The default is <see langword="false"/>: lenient, like the service.</value>
    public bool StrictWire { get; set; }

    /// <summary>
    /// Gets or sets a hook that adjusts logging after the defaults (single-line console, Microsoft categories at
    /// warning) are applied; <c>b =&gt; b.ClearProviders()</c> silences the emulator.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the console defaults stand.</value>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>
    /// Gets or sets how long a connection may take to send a request's headers before Kestrel answers 408 and closes
    /// it, so a client that sends half a header (or nothing) holds no connection for longer. Tests shorten it.
    /// </summary>
    /// <value>The default is 30 seconds, Kestrel's own.</value>
    internal TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how long Kestrel keeps a connection that sends nothing (before its first request, or between two)
    /// before closing it. Tests shorten it.
    /// </summary>
    /// <value>The default is 130 seconds, Kestrel's own.</value>
    internal TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(130);

    /// <summary>Gets or sets how start-up errors name a setting; the command-line tools set their flags.</summary>
    internal OptionNames OptionNames { get; set; } = OptionNames.Library;

    /// <summary>Returns a description of the options that never includes the access key.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() =>
        $"Urls={Urls ?? "http://127.0.0.1:0"}, DataPath={DataPath ?? "(memory)"}, TokenTtl={TokenTtl}, AccessId={AccessId ?? "(default)"}, AccessKey={(AccessKey is null ? "(default)" : "***")}, AdminToken={(AdminToken is null ? "(none)" : "***")}, StrictWire={StrictWire}";

    /// <summary>
    /// A copy of every setting (the clock and the logging callback shared), taken at start: options changed afterwards, to
    /// start a second emulator or by mistake, never change a running one's limits, strictness or admin token.
    /// </summary>
    internal AkeylessEmulatorOptions Snapshot()
    {
        var copy = (AkeylessEmulatorOptions)MemberwiseClone();
        copy._allowedHosts = [.. _allowedHosts];
        return copy;
    }
}
