namespace ActionAgent.Composition;

/// <summary>What the person replaying declares: where to replay, extra query flags, and where the secrets come from.</summary>
public sealed record ReplaySetupRequest
{
    /// <summary>Replay against this origin instead of serving the recording's site (<c>--base-url</c>).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Query flags added to the app's URLs (<c>--query variant=drift</c>).</summary>
    public string? Query { get; init; }

    /// <summary>Each secret's environment variable, as the user declared it; a recording's own list is never read.</summary>
    public IReadOnlyDictionary<string, string> SecretSources { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The scenario the secrets were declared in, whose <c>.env</c> may give their values.</summary>
    public string? ScenarioPath { get; init; }
}
