namespace ActionAgent.Scheduling;

/// <summary>
/// A browser on another machine (or process): a Playwright browser server (<c>ws://host:port/…</c>, from the
/// Playwright driver's <c>run-server</c>) or a Chromium DevTools endpoint (<c>http://host:9222</c>, or a <c>ws://</c>
/// URL with <c>/devtools/</c> in it). Each job opens its own context in it.
/// </summary>
/// <param name="Url">The endpoint.</param>
public sealed record BrowserEndpoint(Uri Url)
{
    /// <summary>Whether the endpoint speaks CDP rather than the Playwright protocol.</summary>
    public bool IsCdp => Url.Scheme is "http" or "https" || Url.AbsolutePath.Contains("/devtools/", StringComparison.Ordinal);

    /// <summary>Parses an endpoint given on the command line.</summary>
    /// <exception cref="ScheduleException">The text is not an http(s) or ws(s) URL.</exception>
    public static BrowserEndpoint Parse(string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "ws" or "wss" or "http" or "https") return new BrowserEndpoint(url);
        throw new ScheduleException(ScheduleErrorKind.BadInput, $"--browser-endpoint: '{text}' is not a ws:// (Playwright server) or http:// (CDP) URL.");
    }

    /// <inheritdoc />
    public override string ToString() => Url.ToString();
}
