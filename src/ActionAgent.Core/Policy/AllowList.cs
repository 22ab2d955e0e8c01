using System.Net;

namespace ActionAgent.Core.Policy;

/// <summary>
/// The one allow-list function every run, replay, plan and goal run uses for every request the browser makes
/// (navigation, sub-resources, fetch/XHR, WebSockets, popups, iframes, downloads).
/// </summary>
/// <remarks>
/// Meaning of an entry, one for the whole product:
/// <list type="bullet">
/// <item><c>example.com</c> allows <c>example.com</c> and every subdomain (<c>a.example.com</c>, <c>b.a.example.com</c>),
/// never a look-alike (<c>evil-example.com</c>, <c>example.com.evil.net</c>). A port in an entry is ignored.</item>
/// <item>An IP address allows only itself; <c>localhost</c> allows <c>localhost</c> and its subdomains.</item>
/// <item><c>file:</c>, <c>data:</c>, <c>javascript:</c>, … (a scheme with its colon) allows that scheme. Without such an
/// entry, navigating to any scheme but http, https and <c>about:blank</c> is refused, and sub-resources may only be
/// http(s)/ws(s) on an allowed host or <c>data:</c>/<c>blob:</c> (in-memory, they reach no host).</item>
/// </list>
/// An allow-list with no host entries allows every http(s)/ws(s) host (schemes stay restricted).
/// </remarks>
public sealed class AllowList
{
    private static readonly string[] NetworkSchemes = ["http", "https", "ws", "wss"];
    private readonly string[] _hosts;
    private readonly HashSet<string> _schemes;
    private readonly Func<Uri, bool>? _hostPredicate;
    private readonly AllowList[] _narrowedBy;

    /// <summary>Creates an allow-list from host names, IP addresses and <c>scheme:</c> entries.</summary>
    public AllowList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        _schemes = new HashSet<string>(list.Where(IsSchemeEntry).Select(e => e.TrimEnd(':').ToLowerInvariant()), StringComparer.Ordinal);
        _hosts = [.. list.Where(e => !IsSchemeEntry(e)).Select(NormaliseHost).Distinct(StringComparer.Ordinal)];
        _narrowedBy = [];
    }

    private AllowList(string[] hosts, HashSet<string> schemes, Func<Uri, bool>? predicate, AllowList[] narrowedBy)
    {
        _hosts = hosts;
        _schemes = schemes;
        _hostPredicate = predicate;
        _narrowedBy = narrowedBy;
    }

    /// <summary>Every http(s)/ws(s) host; other schemes restricted as described on the type.</summary>
    public static AllowList AnyHost { get; } = new([]);

    /// <summary>An allow-list whose host part is decided by a predicate (for callers that already hold one).</summary>
    public static AllowList FromHostPredicate(Func<Uri, bool> allowsHost)
    {
        ArgumentNullException.ThrowIfNull(allowsHost);
        return new AllowList([], new HashSet<string>(StringComparer.Ordinal), allowsHost, []);
    }

    /// <summary>The host entries (lower case, without ports).</summary>
    public IReadOnlyList<string> Hosts => _hosts;

    /// <summary>Whether this list names no host (and so allows any).</summary>
    public bool AllowsAnyHost => _hosts.Length == 0 && _hostPredicate is null && _narrowedBy.All(n => n.AllowsAnyHost);

    /// <summary>
    /// A list that allows only what both this list and <paramref name="other"/> allow. Replay uses it: the user's list,
    /// narrowed by the recording's own list, which can never widen it.
    /// </summary>
    public AllowList NarrowedBy(AllowList other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new AllowList(_hosts, _schemes, _hostPredicate, [.. _narrowedBy, other]);
    }

    /// <summary>Whether the browser may make this request.</summary>
    /// <param name="uri">The request's URL.</param>
    /// <param name="navigation">True for a top-level navigation (goto, link, popup); false for a sub-resource.</param>
    public bool Allows(Uri uri, bool navigation)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri) return false;
        return AllowsHere(uri, navigation) && _narrowedBy.All(n => n.Allows(uri, navigation));
    }

    /// <summary>Whether a host name (no scheme) is allowed.</summary>
    public bool AllowsHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Uri.TryCreate($"https://{host.Trim('[', ']')}/", UriKind.Absolute, out var uri) && Allows(uri, navigation: true);
    }

    private bool AllowsHere(Uri uri, bool navigation)
    {
        var scheme = uri.Scheme.ToLowerInvariant();
        if (NetworkSchemes.Contains(scheme)) return HostAllowed(uri);
        if (_schemes.Contains(scheme)) return true;
        if (scheme == "about") return uri.AbsoluteUri is "about:blank" or "about:srcdoc";
        // In-memory content reaches no host; as a top-level page it could pose as any site, so navigation needs "data:".
        return !navigation && scheme is "data" or "blob";
    }

    private bool HostAllowed(Uri uri)
    {
        if (_hostPredicate is not null) return _hostPredicate(uri);
        if (_hosts.Length == 0) return true;
        var host = uri.IdnHost.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        return _hosts.Any(entry => Matches(host, entry));
    }

    private static bool Matches(string host, string entry)
    {
        if (host == entry) return true;
        // An IP address has no subdomains.
        if (IPAddress.TryParse(entry, out _)) return false;
        return host.EndsWith("." + entry, StringComparison.Ordinal);
    }

    private static bool IsSchemeEntry(string entry) => entry.EndsWith(':') && entry.Length > 1 && entry[..^1].All(char.IsAsciiLetterOrDigit);

    private static string NormaliseHost(string entry)
    {
        var text = entry.ToLowerInvariant();
        if (text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var asUrl)) return asUrl.IdnHost.Trim('[', ']');
        if (text.StartsWith("*.", StringComparison.Ordinal)) text = text[2..];
        if (text.StartsWith('[')) return text[1..text.IndexOf(']', StringComparison.Ordinal)];
        var colon = text.LastIndexOf(':');
        if (colon > 0 && text.IndexOf(':', StringComparison.Ordinal) == colon) text = text[..colon];
        return text.TrimEnd('.');
    }
}
