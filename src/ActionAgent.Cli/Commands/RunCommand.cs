using System.CommandLine;
using ActionAgent.Browser;
using ActionAgent.Composition;
using ActionAgent.Cli.Logging;
using ActionAgent.Cli.Running;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Reports;
using ActionAgent.Core.Scenarios;
using ActionAgent.Desktop;
using ActionAgent.Sites;
using Spectre.Console;

namespace ActionAgent.Cli.Commands;

/// <summary><c>agent run</c>: carries out a scenario (or a goal) in a browser and records it.</summary>
internal static class RunCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<string?>("scenario")
        {
            Description = "The scenario file (YAML). Leave out with --goal.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var goal = new Option<string?>("--goal", "-g") { Description = "A goal in plain words, instead of a scenario file (needs --start or --connect)." };
        var start = new Option<string?>("--start") { Description = "The URL to start at (site:NAME serves a demo site): with --goal, or to point a scenario at another deployment of its app." };
        var connect = new Option<string?>("--connect") { Description = "Attach to a running Chromium by its CDP URL (http://127.0.0.1:9222) and act in its current tab; the browser stays open." };
        var headed = CommonOptions.Headed();
        var recordTo = new Option<string?>("--record-to", "-o") { Description = "The recording folder (default: recordings/runs/NAME-TIMESTAMP)." };
        var approve = CommonOptions.Approve();
        var verbose = CommonOptions.Verbose();
        var noVision = CommonOptions.NoVision();
        var trace = new Option<bool>("--trace") { Description = "Save a Playwright trace (trace.zip) in the recording folder." };
        var plannerOption = CommonOptions.Planner();
        var onDevice = CommonOptions.OnDevice();
        var profile = new Option<bool>("--profile") { Description = "Print where the run's time went: start-up, and each step's phases (observe, plan, ground, act, check, screen check, visual, record)." };
        var junit = new Option<string?>("--junit") { Description = "Also write the run as JUnit XML to this file for CI: one test suite, a test case per step (a failure says what was expected and what was seen) and one for the result, screenshots attached." };
        var skills = CommonOptions.Skills();
        var screenshots = new Option<string?>("--screenshots")
        {
            Description = "Which pictures to take: failures (the default: only those a check or the visual locator reads, a failed step's and the screen the run ends on) or all (a picture after every step, for a report that shows each: a slower run and a larger recording).",
        };

        var command = new Command("run", """
            Carry out a scenario in a real browser and record it.

            Examples:
              agent run scenarios/book-flight.yaml
              agent run scenarios/book-flight.yaml --headed --record-to recordings/book-flight
              agent run --goal "search for Rome" --start http://localhost:8080
              agent run --goal "click Sign in" --connect http://127.0.0.1:9222
              agent run scenarios/book-flight.yaml --junit test-results/book-flight.xml
              agent run scenarios/book-flight.yaml --screenshots all

            Exit codes: 0 the run succeeded, 1 it failed, 2 bad input, 3 no browser, 130 cancelled (Ctrl+C).
            Every run leaves a folder with recording.json, log.jsonl and the pictures its checks read, a failed
            step's and the screen it ended on (shots/; one after every step with --screenshots all).
            """)
        {
            file, goal, start, connect, headed, recordTo, approve, verbose, trace, plannerOption, onDevice, noVision, skills, profile, junit, screenshots,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new RunOptions(parse.GetValue(file), parse.GetValue(goal), parse.GetValue(start), parse.GetValue(connect),
                parse.GetValue(headed), parse.GetValue(recordTo), parse.GetValue(approve), parse.GetValue(verbose), parse.GetValue(trace),
                parse.GetValue(plannerOption), parse.GetValue(onDevice))
            {
                NoVision = parse.GetValue(noVision),
                Skills = parse.GetValue(skills),
                Profile = parse.GetValue(profile),
                JUnit = parse.GetValue(junit),
                Screenshots = parse.GetValue(screenshots),
            };
            return await RunAsync(console, options, cancellationToken);
        });
        return command;
    }

    internal sealed record RunOptions(string? File, string? Goal, string? Start, string? Connect, bool Headed,
        string? RecordTo, bool Approve, bool Verbose, bool Trace, string? Planner = null, bool OnDevice = false)
    {
        /// <summary>Whether to run without the screen check and the visual locator.</summary>
        public bool NoVision { get; init; }

        /// <summary>A folder of user skills (<c>--skills</c>); null: <c>ACTIONAGENT_SKILLS</c>.</summary>
        public string? Skills { get; init; }

        /// <summary><c>--profile</c>: print where the run's time went.</summary>
        public bool Profile { get; init; }

        /// <summary><c>--junit FILE</c>: the run as JUnit XML too.</summary>
        public string? JUnit { get; init; }

        /// <summary><c>--screenshots all|failures</c>; null: the configuration's choice (every step by default).</summary>
        public string? Screenshots { get; init; }
    }

    internal static async Task<int> RunAsync(IAnsiConsole console, RunOptions options, CancellationToken cancellationToken)
    {
        var composition = new AgentComposition(CliAgentOptions.Create(options.Planner, options.OnDevice, options.NoVision, options.Skills));
        composition.Options.Browser.Headed = options.Headed;
        composition.Options.Browser.CdpEndpoint = options.Connect;
        composition.Options.Recording.Trace = options.Trace;
        if (options.Screenshots is not null)
        {
            if (RunScreenshotsNames.Parse(options.Screenshots) is not { } shots)
            {
                CliErrors.Error($"--screenshots {options.Screenshots}: expected {string.Join(" or ", RunScreenshotsNames.All)}.");
                return ExitCodes.BadInput;
            }
            composition.Options.Recording.Screenshots = shots;
        }
        var scenario = ScenarioInput.Resolve("run", options.File, options.Goal, options.Start, SecretCheck.Error, goalNeedsStart: options.Connect is null, composition);
        if (scenario is null) return ExitCodes.BadInput;
        var perception = composition.CreatePerception();
        var planner = composition.CreatePlanner(scenario, perception, out var plannerError);
        if (planner is null)
        {
            CliErrors.Error(plannerError ?? "no planner could be chosen");
            return ExitCodes.BadInput;
        }

        if (options.JUnit is not null && Directory.Exists(options.JUnit))
        {
            CliErrors.Error($"--junit {options.JUnit}: is a folder; give the JUnit XML file's name (e.g. test-results/{scenario.Name}.xml).");
            return ExitCodes.BadInput;
        }

        if (options.Trace && TraceRefusal(scenario) is { } refusal)
        {
            CliErrors.Error(refusal);
            return ExitCodes.BadInput;
        }

        var time = TimeProvider.System;
        var folder = composition.RecordingFolderFor(scenario.Name, options.RecordTo);
        // One run writes a recording folder at a time: a second run into it fails here and the first loses nothing.
        using var folderLock = FolderLock.TryClaimRecording(folder, "--record-to", options.RecordTo ?? folder, out var folderError);
        if (folderLock is null)
        {
            CliErrors.Error(folderError!);
            return ExitCodes.BadInput;
        }
        var writer = new RecordingWriter(folder);
        await using var log = RunLogging.Create(Path.Combine(folder, "log.jsonl"), options.Verbose);
        Serilog.Log.Logger = log; // the command's own events (approvals, a desktop app that cannot start)
        using var loggerFactory = RunLogging.Factory(log);

        // Chromium starts now and comes up while the scenario's site is served; a run that stops before using it closes it.
        await using var launch = scenario.App.Desktop is null ? composition.StartBrowserLaunch() : null;
        RunSetup setup;
        try
        {
            setup = await composition.PrepareRunAsync(scenario, cancellationToken);
        }
        catch (Exception e) when (e is SiteNotFoundException or InvalidDataException)
        {
            CliErrors.Error(e.Message);
            return ExitCodes.BadInput;
        }
        await using var _ = setup;
        RunLogging.UseSecrets(setup.Secrets);
        writer.Secrets = setup.Secrets;

        IUiDriver driver;
        try
        {
            driver = await CreateDriverAsync(composition, scenario, folder, setup.StartUrl, launch, cancellationToken);
        }
        catch (BrowserNotFoundException e)
        {
            CliErrors.Error(e.Message);
            return ExitCodes.Environment;
        }
        catch (Exception e) when (e is DesktopEnvironmentException or AppNotAllowedException)
        {
            // The desktop app could not be started or touched: say why, and leave a recording that says it too.
            Serilog.Log.Error("The run could not start its app: {Reason}", e.Message);
            await DesktopDriverChoice.WriteNotStartedAsync(writer, scenario, planner.Name, e.Message, time);
            CliErrors.Error(e.Message);
            if (options.JUnit is not null)
            {
                await JUnitReportWriter.WriteAsync([JUnitSuite.NotRun("run." + scenario.Name, e.Message)], "agent run", options.JUnit, CancellationToken.None);
            }
            console.MarkupLine($"Recording: {Markup.Escape(Relative(folder))}");
            return e is AppNotAllowedException ? ExitCodes.BadInput : ExitCodes.Environment;
        }
        await using var __ = driver;

        console.MarkupLine($"[bold]{Markup.Escape(scenario.Name)}[/] [grey]{Markup.Escape(scenario.Goal ?? "")}[/]");
        var check = perception.Vision is null ? "off" : perception.EscalatesTo is null ? "embedded" : $"embedded, escalates to {perception.EscalatesTo}";
        console.MarkupLine($"[grey]planner {Markup.Escape(planner.Name)} · screen check {Markup.Escape(check)} · driver {Markup.Escape(driver.Name)} · recording {Markup.Escape(Relative(folder))}[/]");
        var services = composition.CreateEngineServices(perception, loggerFactory) with
        {
            Progress = new ConsoleRunProgress(console),
            Approvals = options.Approve ? new AutoApprovalGate() : Console.IsInputRedirected ? null : new ConsoleApprovalGate(console),
        };
        var result = await AgentComposition.RunAsync(driver, planner, writer, services, new RunRequest
        {
            Scenario = scenario,
            Secrets = setup.Secrets,
            StartUrl = options.Connect is not null && options.Start is null ? null : setup.StartUrl,
        }, folder, cancellationToken);
        if (await DesktopDriverChoice.WriteAppOutputAsync(driver, folder, setup.Secrets) is { } appOutput)
        {
            console.MarkupLine($"App output: {Markup.Escape(Relative(appOutput))}");
        }
        if (options.JUnit is not null)
        {
            // Written even when the run was cancelled (CI wants to see how far it got); the token is not passed for that reason.
            await JUnitReportWriter.WriteAsync([JUnitSuite.FromRun(result, scenario.Name, folder, setup.Secrets)], "agent run", options.JUnit, CancellationToken.None);
        }
        PrintSummary(console, result, folder, composition.Options.Browser.DownloadsFolder);
        if (options.JUnit is not null) console.MarkupLine($"JUnit: {Markup.Escape(Relative(Path.GetFullPath(options.JUnit)))}");
        if (options.Profile) TimeProfile.Print(console, "run", (long)result.Duration.TotalMilliseconds, result.Timings, result.Steps.Select(s => (s.Index, s.Action, s.DurationMs, s.Timings)));
        return result.FinalState switch
        {
            RunState.Succeeded => ExitCodes.Success,
            RunState.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.RunFailed,
        };
    }

    /// <summary>
    /// A Playwright trace keeps what was typed, DOM snapshots and screencast frames in clear, and none of them can be
    /// masked reliably: with secrets in play, --trace is refused.
    /// </summary>
    internal static string? TraceRefusal(Scenario scenario) => scenario.Secrets.Count == 0 ? null
        : $"--trace is refused: the scenario uses secrets ({string.Join(", ", scenario.Secrets.Keys)}), and a Playwright trace keeps typed values, " +
          "DOM snapshots and screencast frames in clear, where they cannot be masked. Run without --trace (the recording, screenshots and report are masked).";

    private static async Task<IUiDriver> CreateDriverAsync(AgentComposition composition, Scenario scenario, string folder, string? startUrl,
        BrowserLaunch? launch, CancellationToken cancellationToken)
    {
        if (scenario.App.Desktop is not null) return await DesktopDriverChoice.StartAsync(scenario, composition.Options.Desktop, cancellationToken);
        // The one allow-list rule run and replay share: the scenario's allow_domains, else the host the run starts on.
        var trace = composition.Options.Recording.Trace ? Path.Combine(folder, "trace.zip") : null;
        return await composition.OpenBrowserAsync(composition.AllowListFor(scenario, startUrl), trace, launch, cancellationToken);
    }

    private static void PrintSummary(IAnsiConsole console, RunResult result, string folder, string downloadsFolder)
    {
        var color = result.Succeeded ? "green" : result.FinalState == RunState.Cancelled ? "yellow" : "red";
        console.WriteLine();
        console.MarkupLine($"[{color} bold]{result.FinalState.ToString().ToUpperInvariant()}[/] in {result.Duration.TotalSeconds:0.0}s, {result.Steps.Count} steps, {result.Replans} replans");
        if (result.Reason is not null) console.MarkupLine($"[{color}]{Markup.Escape(result.Reason)}[/]");
        foreach (var check in result.Expectations)
        {
            var mark = !check.Passed ? "[red]✗[/]" : check.Detail?.StartsWith("not checked", StringComparison.Ordinal) == true ? "[grey]-[/]" : "[green]✓[/]";
            console.MarkupLine($"  {mark} expect {Markup.Escape(check.Check)}{(check.Passed && mark.Contains("grey", StringComparison.Ordinal) ? $" [grey]({Markup.Escape(check.Detail!)})[/]" : "")}");
        }
        foreach (var (name, value) in result.Variables)
        {
            console.MarkupLine($"  {Markup.Escape(name)} = {Markup.Escape(value)}");
        }
        var downloads = result.Steps.SelectMany(s => s.Downloads ?? []).ToList();
        if (downloads.Count > 0) console.MarkupLine($"Downloaded: {Markup.Escape(string.Join(", ", downloads))} [grey](in {Markup.Escape(Relative(Path.GetFullPath(downloadsFolder)))})[/]");
        if (result.Usage.Calls > 0) console.MarkupLine($"  model: {result.Usage.Calls} calls, {result.Usage.TotalTokens} tokens, ${result.Usage.Cost:0.####}");
        console.MarkupLine($"Recording: {Markup.Escape(Relative(folder))}");
    }

    private static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);
}
