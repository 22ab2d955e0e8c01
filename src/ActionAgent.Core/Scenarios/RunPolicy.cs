namespace ActionAgent.Core.Scenarios;

/// <summary>What a run may do and for how long.</summary>
public sealed record RunPolicy
{
    /// <summary>
    /// Hosts the browser may load (empty: any). Subdomains of a listed host are allowed; other schemes than
    /// http(s)/ws(s) only when listed as <c>file:</c>, <c>data:</c>…  (<see cref="Policy.AllowList"/> says exactly).
    /// </summary>
    public IReadOnlyList<string> AllowDomains { get; init; } = [];

    /// <summary>Desktop applications the run may launch or touch (executable or application names; empty: only the scenario's own app).</summary>
    public IReadOnlyList<string> AllowApps { get; init; } = [];

    /// <summary>Step tags or actions that need approval before they run (for example <c>purchase</c>).</summary>
    public IReadOnlyList<string> Approve { get; init; } = [];

    /// <summary>The most steps a run may take.</summary>
    /// <value>The default value is 40.</value>
    public int MaxSteps { get; init; } = 40;

    /// <summary>The longest a run may take.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one step may wait for its target.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a failed step is tried again before the planner replans.</summary>
    /// <value>The default value is 1.</value>
    public int Retries { get; init; } = 1;

    /// <summary>How many times a run may replan.</summary>
    /// <value>The default value is 3.</value>
    public int MaxReplans { get; init; } = 3;

    /// <summary>The most model tokens a run may spend (0: no limit).</summary>
    /// <value>The default value is 0.</value>
    public long MaxTokens { get; init; }

    /// <summary>The most a run may spend on models, in US dollars (0: no limit).</summary>
    /// <value>The default value is 0.</value>
    public decimal MaxCost { get; init; }

    /// <summary>Whether a top-level navigation to a URL is allowed by <see cref="AllowDomains"/>.</summary>
    public bool IsAllowed(Uri uri) => ToAllowList().Allows(uri, navigation: true);

    /// <summary>The allow-list <see cref="AllowDomains"/> stands for.</summary>
    public Policy.AllowList ToAllowList() => new(AllowDomains);
}
