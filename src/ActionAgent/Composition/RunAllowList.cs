using ActionAgent.Core.Policy;

namespace ActionAgent.Composition;

/// <summary>
/// The one allow-list rule of runs, plans and replays: always the user's, never one a recording or page chose.
/// </summary>
/// <remarks>
/// In order: the hosts the person running the agent allows (<see cref="PolicySettings.AllowDomains"/>,
/// <c>--allow-domain</c>); else the user's own scenario's <c>policy.allow_domains</c>; else the host the run or replay
/// starts on (a demo site's is 127.0.0.1, where it is served); else (nothing to start on) any host. A recording's own
/// list can only narrow the result. Every entry allows its subdomains.
/// </remarks>
internal static class RunAllowList
{
    public static AllowList For(IReadOnlyCollection<string> user, IReadOnlyCollection<string> scenario, string? startUrl, IReadOnlyCollection<string> recorded)
    {
        var list = user.Count > 0 ? new AllowList(user)
            : scenario.Count > 0 ? new AllowList(scenario)
            : StartHost(startUrl) is { } host ? new AllowList(host)
            : AllowList.AnyHost;
        return recorded.Count > 0 ? list.NarrowedBy(new AllowList(recorded)) : list;
    }

    private static string[]? StartHost(string? startUrl)
    {
        if (startUrl is null || !Uri.TryCreate(startUrl, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return null;
        return [uri.Host];
    }
}
