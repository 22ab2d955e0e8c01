using ActionAgent.Core.Policy;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Scenarios;

namespace ActionAgent.Cli.Mcp;

/// <summary>
/// What the person who started <c>agent mcp</c> allows, checked before any tool acts on a model's arguments. The hosts
/// are the user's <c>--allow-domain</c> list, else loopback only (where <c>site:NAME</c> demo sites are served); the
/// same list is the browser's allow-list, so a page or a goal cannot leave it either. A tool argument never widens it:
/// a start URL or a recording that would go elsewhere is refused before anything is opened.
/// </summary>
internal sealed class McpPolicy
{
    /// <summary>The hosts allowed when the user names none: the loopback names demo sites are served on.</summary>
    public static IReadOnlyList<string> LoopbackHosts { get; } = ["127.0.0.1", "localhost"];

    private static readonly Uri DemoSiteOrigin = new("http://127.0.0.1/");
    private readonly string[] _roots;

    /// <param name="allowDomains">The user's <c>--allow-domain</c> entries; empty: <see cref="LoopbackHosts"/>.</param>
    /// <param name="recordingRoots">The folders a recording to replay may be in (the working directory, the output folder).</param>
    public McpPolicy(IReadOnlyCollection<string> allowDomains, IEnumerable<string> recordingRoots)
    {
        Hosts = allowDomains.Count > 0 ? [.. allowDomains] : LoopbackHosts;
        AllowList = new AllowList(Hosts);
        _roots = [.. recordingRoots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r))).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The allowed hosts, as given to the browser.</summary>
    public IReadOnlyList<string> Hosts { get; }

    /// <summary>The allow-list of those hosts.</summary>
    public AllowList AllowList { get; }

    /// <summary>Why a tool may not start at <paramref name="start"/> (a URL or <c>site:NAME</c>); null when it may.</summary>
    /// <param name="start">The start, as the model gave it.</param>
    /// <param name="argument">The argument's name, for the message.</param>
    public string? StartProblem(string start, string argument)
    {
        if (new BrowserAppSpec(start).SiteName is not null)
        {
            return AllowList.Allows(DemoSiteOrigin, navigation: true) ? null
                : $"{argument}: \"{start}\" is a demo site, served on 127.0.0.1, which is outside the allow-list ({Describe()}). " +
                  "Start agent mcp with --allow-domain 127.0.0.1 to allow demo sites.";
        }
        if (!Uri.TryCreate(start, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            return $"{argument}: \"{start}\" is neither an http(s) URL nor site:NAME (a demo site, e.g. site:skyfare).";
        }
        return AllowList.Allows(uri, navigation: true) ? null
            : $"{argument}: {uri.Host} is outside the allow-list ({Describe()}); it was refused and nothing was opened. " +
              "Only the person who starts agent mcp can allow a host (--allow-domain HOST).";
    }

    /// <summary>
    /// Why <paramref name="recording"/> may not be replayed: outside the working directory and output folder, or its
    /// app starts outside the allow-list. Null when it may, with its full path.
    /// </summary>
    public async Task<(string? Problem, string FullPath)> RecordingProblemAsync(string recording, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(recording);
        if (!_roots.Any(root => full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            return ($"recording: \"{recording}\" is outside the folders a replay may read ({string.Join(", ", _roots)}).", full);
        }
        var (document, _, error) = await RecordingFile.LoadAsync(full, cancellationToken).ConfigureAwait(false);
        if (document is null) return ($"recording: {error}", full);
        var start = document.Header.AppStart is { } appStart && new BrowserAppSpec(appStart).SiteName is not null ? appStart : document.Header.StartUrl;
        if (start is null) return (null, full);
        return (StartProblem(start, "recording") is { } problem ? $"{problem} (the recording starts at {start})" : null, full);
    }

    /// <summary>The allowed hosts, for messages.</summary>
    public string Describe() => string.Join(", ", Hosts);
}
