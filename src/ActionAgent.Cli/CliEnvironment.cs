using System.Globalization;

namespace ActionAgent.Cli;

/// <summary>
/// What the <c>agent</c> command line itself takes from the process environment, read once in <c>Program</c> and
/// passed down: how to present output (<c>NO_COLOR</c>, <c>COLUMNS</c>, <c>ACTIONAGENT_DEBUG</c>), whether there is a display for
/// <c>agent record</c>, and the scheduler's store, data folder and browser pool.
/// </summary>
/// <remarks>
/// One reader per process entry point. The agent's own settings (browser locator, desktop session, models, skills,
/// secrets) are bound by the library's binder, <see cref="AgentConfiguration"/>; this record holds only what no
/// library type uses, plus the scheduling variables the scheduler library takes as a lookup. No other CLI class reads
/// the environment (a source-scanning test in ActionAgent.Tests keeps it so). Untrusted input never names a variable
/// read here: the names are fixed below.
/// </remarks>
internal sealed record CliEnvironment
{
    /// <summary>The scheduler's variables, by the names it documents.</summary>
    private static readonly string[] SchedulingNames = ["ACTIONAGENT_DATA", "ACTIONAGENT_STORE", "XDG_DATA_HOME"];

    /// <summary><c>NO_COLOR</c> is set (to anything): errors and warnings are not colored.</summary>
    public bool NoColor { get; init; }

    /// <summary><c>COLUMNS</c>, when it is a whole number.</summary>
    public int? Columns { get; init; }

    /// <summary><c>ACTIONAGENT_DEBUG</c> is set (to anything but <c>0</c> or nothing): an unexpected error prints its stack trace.</summary>
    public bool Debug { get; init; }

    /// <summary><c>DISPLAY</c> or <c>WAYLAND_DISPLAY</c> is set.</summary>
    public bool HasDisplay { get; init; }

    /// <summary><c>ACTIONAGENT_BROWSER_ENDPOINTS</c>: the worker's remote browsers, comma-separated.</summary>
    public IReadOnlyList<string> BrowserEndpoints { get; init; } = [];

    /// <summary>The scheduler's variables (<c>ACTIONAGENT_DATA</c>, <c>ACTIONAGENT_STORE</c>, <c>XDG_DATA_HOME</c>) that are set.</summary>
    public IReadOnlyDictionary<string, string> Scheduling { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>An environment with nothing set.</summary>
    public static CliEnvironment Empty { get; } = new();

    /// <summary>Reads the process environment: the command line's one read of it.</summary>
    public static CliEnvironment FromProcess() => From(Environment.GetEnvironmentVariable);

    /// <summary>Reads the given environment (tests pass a dictionary).</summary>
    public static CliEnvironment From(Func<string, string?> environment) => new()
    {
        NoColor = environment("NO_COLOR") is not null,
        Columns = int.TryParse(environment("COLUMNS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var columns) ? columns : null,
        Debug = environment("ACTIONAGENT_DEBUG") is { Length: > 0 } debug && debug != "0",
        HasDisplay = !string.IsNullOrEmpty(environment("DISPLAY")) || !string.IsNullOrEmpty(environment("WAYLAND_DISPLAY")),
        BrowserEndpoints = (environment("ACTIONAGENT_BROWSER_ENDPOINTS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Scheduling = SchedulingNames.Where(name => environment(name) is not null).ToDictionary(name => name, name => environment(name)!, StringComparer.Ordinal),
    };

    /// <summary>Looks up one of the scheduler's variables (what <c>ScheduleStore.Resolve</c> takes).</summary>
    public string? SchedulingVariable(string name) => Scheduling.TryGetValue(name, out var value) ? value : null;
}
