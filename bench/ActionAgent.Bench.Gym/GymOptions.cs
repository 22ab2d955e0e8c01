using System.Globalization;

namespace ActionAgent.Bench.Gym;

/// <summary>The harness's command line.</summary>
internal sealed record GymOptions
{
    public IReadOnlyList<string>? Tasks { get; init; }
    public IReadOnlyList<int> Seeds { get; init; } = [1, 2, 3];
    public string? Pattern { get; init; }
    public string? Agent { get; init; }
    public IReadOnlyList<string> AgentArgs { get; init; } = [];
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(90);
    public double MinSuccess { get; init; }
    public bool Slice { get; init; }
    public string? Out { get; init; }
    public int Workers { get; init; } = 1;

    /// <summary>A small fixed subset for CI: one task per kind of page, seed 1.</summary>
    public static readonly IReadOnlyList<string> SliceTasks =
        ["type-and-submit", "login-access-code", "todo-add", "bus-shortest", "collapsed-panel-save", "feed-like-photos"];

    public const string Usage = """
        ActionAgent.Bench.Gym: runs the agent on the practice gym (scenarios/sites/gym) and scores every run by the page.

          --tasks a,b,c        only these task ids
          --pattern NAME       only tasks of this UI pattern (see tasks.json)
          --seeds 1,2,3        the seeds (default 1,2,3)
          --slice              a small fixed subset for CI (6 tasks, seed 1)
          --agent PATH         the agent: a .dll (run with dotnet) or an executable (default: the built Cli dll, else ./agent)
          --agent-arg ARG      one more argument for `agent run` (repeatable), e.g. --agent-arg --no-vision
          --timeout SECONDS    per run (default 90)
          --min-success RATE   exit 1 when the success rate is below RATE (0..1; default 0)
          --out DIR            where the results go (default artifacts/gym)
          --workers N          run N tasks at once, each in its own Chromium (default 1; times per task grow with N)

        Exit codes: 0 ok, 1 a false success or success below --min-success, 2 bad arguments.
        """;

    /// <summary>Parses the arguments; null with <paramref name="error"/> set when they are wrong.</summary>
    public static GymOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var options = new GymOptions();
        var agentArgs = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Next()
            {
                if (i + 1 >= args.Count) throw new FormatException($"{args[i]} needs a value");
                return args[++i];
            }

            try
            {
                options = args[i] switch
                {
                    "--tasks" => options with { Tasks = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                    "--pattern" => options with { Pattern = Next() },
                    "--seeds" => options with { Seeds = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList() },
                    "--slice" => options with { Slice = true },
                    "--agent" => options with { Agent = Next() },
                    "--agent-arg" => AddArg(options, agentArgs, Next()),
                    "--timeout" => options with { Timeout = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                    "--min-success" => options with { MinSuccess = double.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--out" => options with { Out = Next() },
                    "--workers" => options with { Workers = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    _ => throw new FormatException($"unknown option '{args[i]}'"),
                };
            }
            catch (FormatException e)
            {
                error = e.Message;
                return null;
            }
        }

        if (options.MinSuccess is < 0 or > 1) error = "--min-success is a rate between 0 and 1";
        if (options.Seeds.Count == 0) error = "--seeds lists no seed";
        if (options.Workers is < 1 or > 8) error = "--workers is between 1 and 8";
        return error is null ? options with { AgentArgs = agentArgs } : null;
    }

    private static GymOptions AddArg(GymOptions options, List<string> args, string arg)
    {
        args.Add(arg);
        return options;
    }
}
