using System.Globalization;
using System.Web;

namespace ActionAgent.Core.Replay;

/// <summary>
/// Maps a recording's URLs onto a replay: a recording's <c>goto</c> values hold the recorded run's origin (a served
/// site had a random loopback port), so values on <see cref="RecordedOrigin"/> move to <see cref="ReplayOrigin"/>,
/// and <see cref="ExtraQuery"/> flags (<c>variant=drift</c>) are added to them. URL checks compare the path, the
/// fragment and the recorded query parameters; parameters the replay added are allowed.
/// </summary>
/// <param name="RecordedOrigin">The recorded run's origin (<c>http://127.0.0.1:34287</c>), or null.</param>
/// <param name="ReplayOrigin">This replay's origin, or null to keep URLs as recorded.</param>
/// <param name="ExtraQuery">Query parameters added to every URL on the replay origin.</param>
public sealed record ReplayUrls(string? RecordedOrigin, string? ReplayOrigin, IReadOnlyDictionary<string, string> ExtraQuery)
{
    /// <summary>URLs as recorded.</summary>
    public static ReplayUrls Unchanged { get; } = new(null, null, new Dictionary<string, string>());

    /// <summary>The mapping from a recorded start URL to this replay's start URL plus query flags.</summary>
    public static ReplayUrls For(string? recordedStartUrl, string? replayStartUrl, IReadOnlyDictionary<string, string>? extraQuery = null) =>
        new(OriginOf(recordedStartUrl), OriginOf(replayStartUrl), extraQuery ?? new Dictionary<string, string>());

    /// <summary>A recorded URL as this replay opens it.</summary>
    public string Rewrite(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (RecordedOrigin is not null && ReplayOrigin is not null && StartsWithOrigin(url, RecordedOrigin))
        {
            url = ReplayOrigin + url[RecordedOrigin.Length..];
        }
        if (ExtraQuery.Count == 0 || ReplayOrigin is null || !StartsWithOrigin(url, ReplayOrigin)) return url;
        var uri = new UriBuilder(url);
        var query = HttpUtility.ParseQueryString(uri.Query);
        foreach (var (key, value) in ExtraQuery) query[key] = value;
        uri.Query = query.ToString();
        return uri.Uri.ToString();
    }

    /// <summary>
    /// Whether <paramref name="actualUrl"/> is the URL a check expected: same path and fragment, and every query
    /// parameter of <paramref name="expected"/> (a path with query and fragment, as checks record it) present with its value.
    /// </summary>
    public static bool Matches(string expected, string actualUrl)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actualUrl);
        var baseUri = new Uri("http://replay.invalid/");
        if (!Uri.TryCreate(baseUri, expected, out var want) || !Uri.TryCreate(actualUrl, UriKind.Absolute, out var have))
        {
            return string.Equals(expected, actualUrl, StringComparison.Ordinal);
        }
        if (!Uri.IsWellFormedUriString(expected, UriKind.Absolute) && !expected.StartsWith('/'))
        {
            return string.Equals(expected, actualUrl, StringComparison.Ordinal); // not a URL check (a window title)
        }
        if (!string.Equals(want.AbsolutePath, have.AbsolutePath, StringComparison.Ordinal) ||
            !string.Equals(want.Fragment, have.Fragment, StringComparison.Ordinal)) return false;
        var wanted = HttpUtility.ParseQueryString(want.Query);
        var had = HttpUtility.ParseQueryString(have.Query);
        return wanted.AllKeys.All(k => string.Equals(wanted[k], had[k], StringComparison.Ordinal));
    }

    /// <summary>Parses <c>key=value</c> flags (<c>variant=drift&amp;today=2026-11-28</c>) into a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> ParseQuery(string? query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(query)) return result;
        var parsed = HttpUtility.ParseQueryString(query.TrimStart('?'));
        foreach (var key in parsed.AllKeys.Where(k => k is not null)) result[key!] = parsed[key] ?? "";
        return result;
    }

    private static bool StartsWithOrigin(string url, string origin) =>
        url.StartsWith(origin, StringComparison.OrdinalIgnoreCase) && (url.Length == origin.Length || url[origin.Length] is '/' or '?' or '#');

    private static string? OriginOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.Authority}")
            : null;
}
