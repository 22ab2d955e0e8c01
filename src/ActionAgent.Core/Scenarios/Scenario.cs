using ActionAgent.Core.Actions;
using ActionAgent.Core.Secrets;

namespace ActionAgent.Core.Scenarios;

/// <summary>A scenario file (format v1, see <c>schemas/scenario.v1.schema.json</c>).</summary>
public sealed record Scenario
{
    /// <summary>The scenario's name; names its recordings.</summary>
    public required string Name { get; init; }

    /// <summary>The goal in plain words, as written (<c>${inputs.NAME}</c> placeholders and all).</summary>
    public string? Goal { get; init; }

    /// <summary>
    /// The goal a planner reads: <see cref="Goal"/> (else <see cref="Name"/>) with the inputs' values put in
    /// (<see cref="ValueTemplate.ResolveInputs"/>), so "save it as ${inputs.path}" reads as the path it names.
    /// Secrets stay placeholders.
    /// </summary>
    public string PlanningGoal => ValueTemplate.ResolveInputs(Goal ?? Name, Inputs);

    /// <summary>The file it was loaded from, when it came from a file.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The application to drive.</summary>
    public required AppSpec App { get; init; }

    /// <summary>Inputs, flattened to dotted keys (<c>passenger.first_name</c>).</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Secrets by name, with where each comes from.</summary>
    public IReadOnlyDictionary<string, SecretSource> Secrets { get; init; } = new Dictionary<string, SecretSource>();

    /// <summary>Limits and approvals.</summary>
    public RunPolicy Policy { get; init; } = new();

    /// <summary>What must be true at the end.</summary>
    public IReadOnlyList<Expectation> Expect { get; init; } = [];

    /// <summary>Explicit steps; empty when the planner makes them from the goal.</summary>
    public IReadOnlyList<PlanStep> Steps { get; init; } = [];
}

/// <summary>The application a scenario drives.</summary>
public sealed record AppSpec
{
    /// <summary>The browser app, when the scenario drives a browser.</summary>
    public BrowserAppSpec? Browser { get; init; }

    /// <summary>The desktop app, when the scenario drives a desktop program.</summary>
    public DesktopAppSpec? Desktop { get; init; }
}

/// <summary>A browser app: where to start.</summary>
/// <param name="Start">A URL, or <c>site:NAME</c> to serve <c>scenarios/sites/NAME</c> on loopback.</param>
public sealed record BrowserAppSpec(string Start)
{
    /// <summary>The demo site's name when <see cref="Start"/> is <c>site:NAME</c> (with an optional path after it).</summary>
    public string? SiteName => Start.StartsWith("site:", StringComparison.OrdinalIgnoreCase)
        ? Start[5..].Split('/', 2)[0]
        : null;

    /// <summary>The path after <c>site:NAME</c>, starting with '/', or "/".</summary>
    public string SitePath
    {
        get
        {
            if (SiteName is null) return "/";
            var rest = Start[5..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? "/" : rest[slash..];
        }
    }
}

/// <summary>A desktop app: the command that starts it, or the name of a running app to attach to.</summary>
public sealed record DesktopAppSpec
{
    /// <summary>The program and its arguments to launch (<c>mousepad</c>); null when attaching.</summary>
    public string? Launch { get; init; }

    /// <summary>The running application to attach to, by its accessible or process name; null when launching.</summary>
    public string? Attach { get; init; }

    /// <summary>Text the app's window title must contain before the run starts; null: any window.</summary>
    public string? Window { get; init; }

    /// <summary>How long to wait for the window; null: the driver's default.</summary>
    public TimeSpan? Wait { get; init; }

    /// <summary>The launch command, or <c>attach:NAME</c>: what a recording keeps as the app.</summary>
    public string Command => Launch ?? $"attach:{Attach}";
}

/// <summary>Where a secret's value comes from, and where it may be typed.</summary>
/// <param name="EnvironmentVariable">The environment variable holding it.</param>
public sealed record SecretSource(string EnvironmentVariable)
{
    /// <summary>
    /// Hosts whose pages the secret may be typed into (subdomains included, as in <c>allow_domains</c>). Empty: the
    /// host the scenario starts on.
    /// </summary>
    public IReadOnlyList<string> Domains { get; init; } = [];
}

/// <summary>An expectation checked at the end of a run.</summary>
public sealed record Expectation
{
    /// <summary>Text that must be visible.</summary>
    public string? Text { get; init; }

    /// <summary>A description of the screen for the screen check.</summary>
    public string? Screen { get; init; }

    /// <summary>A substring the final URL must contain.</summary>
    public string? Url { get; init; }

    /// <summary>Where it was written, for error messages.</summary>
    public string? Origin { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        Text is not null ? $"text \"{Text}\"" : Url is not null ? $"url contains \"{Url}\"" : $"screen \"{Screen}\"";
}
