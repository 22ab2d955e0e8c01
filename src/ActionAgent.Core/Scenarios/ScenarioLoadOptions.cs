namespace ActionAgent.Core.Scenarios;

/// <summary>What the scenario loader checks against the world outside the file.</summary>
public sealed record ScenarioLoadOptions
{
    /// <summary>Options with every default: no site check, no variable set, so every declared secret is an error.</summary>
    public static ScenarioLoadOptions Default { get; } = new();

    /// <summary>
    /// Whether a demo site exists, for <c>site:NAME</c> starts (the CLI passes a check of <c>scenarios/sites/NAME</c>).
    /// </summary>
    /// <value>The default value is null: site names are not checked.</value>
    public Func<string, bool>? SiteExists { get; init; }

    /// <summary>
    /// Reads a variable a secret names, to check that every secret is set (never to read its value into the scenario).
    /// The loader never reads the process environment itself: the composition root passes the variables its binder
    /// (<c>AgentConfiguration</c>) bound, then the <c>.env</c> files beside the scenario.
    /// </summary>
    /// <value>The default value reads nothing (every variable is unset).</value>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = static _ => null;

    /// <summary>What a secret whose environment variable is not set is.</summary>
    /// <value>The default value is <see cref="SecretCheck.Error"/>.</value>
    public SecretCheck CheckSecrets { get; init; } = SecretCheck.Error;

    /// <summary>Options that check <c>site:NAME</c> against the folders under <paramref name="sitesRoot"/> (<c>scenarios/sites</c>).</summary>
    public static ScenarioLoadOptions ForSitesRoot(string sitesRoot) =>
        new() { SiteExists = name => Directory.Exists(Path.Combine(sitesRoot, name)) };
}
