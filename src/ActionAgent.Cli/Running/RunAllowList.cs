using ActionAgent.Core.Policy;
using ActionAgent.Core.Scenarios;

namespace ActionAgent.Cli.Running;

/// <summary>Which allow-list a run, plan or replay enforces: always the user's, never one a recording or page chose.</summary>
internal static class RunAllowList
{
    /// <summary>
    /// A scenario's <c>policy.allow_domains</c>; without one, the start host and its subdomains (a demo site's is
    /// 127.0.0.1, where it is served): a scenario that says nothing does not open the browser to every host. Only a
    /// run with no start URL at all (a desktop scenario) has no host to narrow to.
    /// </summary>
    public static AllowList For(Scenario scenario, string? startUrl)
    {
        if (scenario.Policy.AllowDomains.Count > 0) return scenario.Policy.ToAllowList();
        return StartHost(startUrl) is { } host ? new AllowList(host) : AllowList.AnyHost;
    }

    /// <summary>
    /// Replay: the user's list (<c>--allow-domain</c>; without it, the host the replay starts on), narrowed by the
    /// recording's own list, which can never widen it.
    /// </summary>
    public static AllowList ForReplay(IReadOnlyList<string> userDomains, string? startUrl, IReadOnlyList<string> recorded)
    {
        var user = userDomains.Count > 0 ? new AllowList(userDomains)
            : StartHost(startUrl) is { } host ? new AllowList(host) : AllowList.AnyHost;
        return recorded.Count > 0 ? user.NarrowedBy(new AllowList(recorded)) : user;
    }

    private static string[]? StartHost(string? startUrl)
    {
        if (startUrl is null || !Uri.TryCreate(startUrl, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return null;
        return [uri.Host];
    }
}
