namespace ActionAgent;

/// <summary>What the person replaying declares: where the secrets come from, changed inputs, another deployment.</summary>
public sealed record AgentReplayOptions
{
    /// <summary>A scenario whose <c>secrets:</c> name the secrets' variables (and whose <c>.env</c> may give their values).</summary>
    public string? ScenarioPath { get; init; }

    /// <summary>Secret name to environment variable (wins over the scenario's); a recording's own list is never read.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Changed inputs, by the names in the recording's header (e.g. <c>passenger.first_name</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Replay against this origin instead of serving the recording's site.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Query flags added to the app's URLs (e.g. <c>variant=drift</c>).</summary>
    public string? Query { get; init; }
}
