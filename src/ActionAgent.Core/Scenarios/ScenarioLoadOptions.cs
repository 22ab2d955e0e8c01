namespace ActionAgent.Core.Scenarios;

/// <summary>What the scenario loader checks against the world outside the file.</summary>
public sealed record ScenarioLoadOptions
{
    /// <summary>Options with every default: no site check, secrets checked against the process environment as errors.</summary>
    public static ScenarioLoadOptions Default { get; } = new();

    /// <summary>
    /// Whether a demo site exists, for <c>site:NAME</c> starts (the CLI passes a check of <c>scenarios/sites/NAME</c>).
    /// </summary>
    /// <value>The default value is null: site names are not checked.</value>
    public Func<string, bool>? SiteExists { get; init; }

    /// <summary>Reads an environment variable, to check that every secret is set (never to read its value into the scenario).</summary>
    /// <value>The default value is <see cref="Environment.GetEnvironmentVariable(string)"/>.</value>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>What a secret whose environment variable is not set is.</summary>
    /// <value>The default value is <see cref="SecretCheck.Error"/>.</value>
    public SecretCheck CheckSecrets { get; init; } = SecretCheck.Error;

    /// <summary>Options that check <c>site:NAME</c> against the folders under <paramref name="sitesRoot"/> (<c>scenarios/sites</c>).</summary>
    public static ScenarioLoadOptions ForSitesRoot(string sitesRoot) =>
        new() { SiteExists = name => Directory.Exists(Path.Combine(sitesRoot, name)) };
}
