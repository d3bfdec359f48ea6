namespace AkeylessSharp.Tests.Infrastructure.Faults;

/// <summary>What <see cref="FaultProxy"/> does to one request instead of passing it through.</summary>
public enum FaultMode
{
    /// <summary>Pass through.</summary>
    None,

    /// <summary>503 without forwarding.</summary>
    ServiceUnavailable,

    /// <summary>429 with <c>Retry-After</c>, without forwarding.</summary>
    TooManyRequests,

    /// <summary>Wait <see cref="FaultProxy.Latency"/> before forwarding (abandoned if the client gives up first).</summary>
    Latency,

    /// <summary>Forward, then drop the connection before any response byte.</summary>
    ResetBeforeHeaders,

    /// <summary>Forward, send the headers and half the body, then drop the connection.</summary>
    ResetMidBody,

    /// <summary>Forward, announce <c>Content-Length</c> of the real body but send 20 bytes and end the response.</summary>
    TruncatedBody,

    /// <summary>Forward, send the headers and half the body, then send nothing more until the client gives up.</summary>
    StalledBody,

    /// <summary>Forward, answer 200 with an HTML page instead.</summary>
    Html200,

    /// <summary>Forward, answer 200 with an empty JSON body instead.</summary>
    Empty200,

    /// <summary>Forward, answer 200 with the JSON object <c>{}</c> instead: valid JSON without any field the client reads.</summary>
    EmptyObject200,

    /// <summary>Forward, answer 200 with the JSON array <c>[]</c> instead: valid JSON of the wrong shape.</summary>
    Array200,

    /// <summary>Forward, answer with the real body labelled <c>text/plain</c>.</summary>
    WrongContentType,

    /// <summary>307 to the same path on <see cref="RedirectTarget"/>, without forwarding.</summary>
    Redirect307,

    /// <summary>302 to the same path on <see cref="RedirectTarget"/>, without forwarding.</summary>
    Redirect302,
}
