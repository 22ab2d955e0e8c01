using System.CommandLine;
using ActionAgent.Core.Engine;

namespace ActionAgent.Cli.Running;

/// <summary>
/// The options several commands share, defined once so <c>agent run</c> and <c>agent mcp</c> (and any later command)
/// spell and explain them alike. Each call makes a new option: an option belongs to one command.
/// </summary>
internal static class CommonOptions
{
    public static Option<bool> Headed() => new("--headed") { Description = "Show the browser window (needs a display)." };

    public static Option<bool> NoVision() =>
        new("--no-vision") { Description = "Skip the screen check after each step and the visual locator fallback (OCR + OpenCV)." };

    public static Option<string?> Planner() =>
        new("--planner") { Description = "The goal planner: offline (default), openai, azure or compatible (see agent models; default from ACTIONAGENT_PLANNER)." };

    public static Option<bool> OnDevice() =>
        new("--on-device") { Description = "Use only models on this machine (embedded, or a compatible server on loopback)." };

    public static Option<string?> Skills() =>
        new("--skills") { Description = "A folder of your own skills (YAML) for the offline planner, beside the built-in ones (default: ACTIONAGENT_SKILLS)." };

    public static Option<bool> Approve() => new("--approve") { Description = "Approve every step the policy marks as sensitive, without asking." };

    /// <summary>
    /// <c>--screenshots failures|all</c> (only the pictures something reads by default), for a command whose runs are set up once;
    /// <paramref name="whose"/> says whose runs ("run_goal's runs"). <c>agent run</c> reads its own, with its own message.
    /// </summary>
    public static Option<string> Screenshots(string whose)
    {
        var option = new Option<string>("--screenshots")
        {
            Description = $"Which pictures {whose} take: failures (the default: only those a check or the visual locator reads, a failed step's and the end's) or all (after every step: slower runs, larger recordings).",
            DefaultValueFactory = _ => "failures",
        };
        option.AcceptOnlyFromAmong([.. RunScreenshotsNames.All]);
        return option;
    }

    /// <summary>The choice an option of <see cref="Screenshots"/> holds (its values are checked when parsed).</summary>
    public static RunScreenshots ScreenshotsChoice(string? value) => RunScreenshotsNames.Parse(value) ?? RunScreenshots.Failures;

    public static Option<bool> Verbose() => new("--verbose", "-v") { Description = "Log every step's details on the console too." };
}
