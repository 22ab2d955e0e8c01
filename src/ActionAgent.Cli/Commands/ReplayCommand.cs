using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ActionAgent.Browser;
using ActionAgent.Cli.Logging;
using ActionAgent.Cli.Running;
using ActionAgent.Composition;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Reports;
using ActionAgent.Core.Scenarios;
using ActionAgent.Sites;
using Spectre.Console;

namespace ActionAgent.Cli.Commands;

/// <summary>
/// <c>agent replay</c>: replays a recording with no model at all (no planner, verifier or locator is even created),
/// reports heals, and writes JUnit XML and an HTML report for CI. Several recordings (or a folder of them) replay in
/// turn into one JUnit file and one index report (<c>ReplayCommand.Set.cs</c>).
/// </summary>
internal static partial class ReplayCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var recording = new Argument<string[]>("recordings")
        {
            Description = "The recording folder (holding recording.json) or the recording.json file; several of them, or a folder of recording folders, replay in turn.",
            Arity = ArgumentArity.OneOrMore,
        };
        var param = new Option<string[]>("--param", "-p") { Description = "Change an input: NAME=VALUE (names as in the recording's header, e.g. passenger.first_name). Repeatable.", AllowMultipleArgumentsPerToken = false };
        var query = new Option<string?>("--query", "-q") { Description = "Query flags added to the app's URLs, e.g. variant=drift (a demo site's variant)." };
        var baseUrl = new Option<string?>("--base-url") { Description = "Replay against this origin instead of serving the recording's site (its query is added like --query)." };
        var healOut = new Option<string?>("--heal-out") { Description = "Write the recording with its heals applied to this file (or folder) for review; the original is not touched. One recording only." };
        var noHeal = new Option<bool>("--no-heal") { Description = "Fail any step whose first locator no longer matches, even if a later layer finds the element." };
        var output = new Option<string?>("--out", "-o") { Description = "The folder for the replay's report.html, junit.xml, replay.json, shots and log (default: recordings/replays/NAME-TIMESTAMP). With several recordings: the folder for junit.xml, index.html and one subfolder per recording (default: recordings/replays/batch-TIMESTAMP)." };
        var junit = new Option<string?>("--junit") { Description = "Also write the JUnit XML here (it is always written to the output folder). With several recordings: the one file with a test suite per recording." };
        var html = new Option<string?>("--html") { Description = "Also write the HTML report here. With several recordings: the index report, linking each recording's report." };
        var approve = new Option<bool>("--approve") { Description = "Approve the steps the recorded policy marks as sensitive (needed in CI for such recordings)." };
        var headed = new Option<bool>("--headed") { Description = "Show the browser window (needs a display)." };
        var shots = new Option<string>("--screenshots") { Description = "Which steps to photograph: none, failures (failures and heals; the default) or all.", DefaultValueFactory = _ => "failures" };
        var stepTimeout = new Option<string?>("--step-timeout") { Description = "How long a step may wait for its element and checks (e.g. 5s; default: the recording's policy)." };
        var trace = new Option<bool>("--trace") { Description = "Save a Playwright trace (trace.zip) in the output folder." };
        var secret = new Option<string[]>("--secret") { Description = "Where a secret comes from: NAME=ENV_VAR (the recording's own secretSources are never read). Repeatable.", AllowMultipleArgumentsPerToken = false };
        var scenario = new Option<string?>("--scenario") { Description = "Take the secrets' environment variables (and its .env) and the approvals (policy.approve) from this scenario file, as agent run does; a recording can add approvals, never remove these." };
        var timeout = new Option<string?>("--timeout") { Description = "How long the whole replay may take (e.g. 2m); when it runs out the replay stops and fails." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log details on the console too." };
        var profile = new Option<bool>("--profile") { Description = "Print where the replay's time went: start-up, and each step's act, check and record time." };
        var allowApp = new Option<string[]>("--allow-app") { Description = "A desktop recording's app may be launched (or attached to) only when named here: a recording never chooses what runs. Repeatable." };
        var allowDomain = new Option<string[]>("--allow-domain") { Description = "A host the replay may reach (subdomains included). Repeatable. Default: the host the replay starts on. The recording's own list can only narrow this, never widen it." };

        var command = new Command("replay", """
            Replay a recording deterministically, with no model calls: each step's element is found through its recorded
            layers (role+name, label, text, CSS, XPath, box); when the first layer fails and a later one finds it, that is a
            heal, reported with the locators before and after. Each step's recorded checks (URL, elements that appeared or
            disappeared, field values) must hold before the next step starts.

            Examples:
              agent replay recordings/book-flight --scenario scenarios/book-flight.yaml
              agent replay recordings/book-flight --scenario scenarios/book-flight.yaml --query variant=drift --heal-out /tmp/healed
              agent replay recordings/book-flight --scenario scenarios/book-flight.yaml --no-heal --junit test-results/book-flight.xml
              agent replay recordings/book-flight --scenario scenarios/book-flight.yaml --param passenger.first_name=Grace --timeout 2m
              agent replay recordings/book-flight --secret card_number=SKYFARE_CARD --secret card_cvc=SKYFARE_CVC --base-url http://localhost:8080
              agent replay recordings/ --scenario scenarios/book-flight.yaml --junit test-results/replays.xml
              agent replay recordings/book-flight /tmp/healed --scenario scenarios/book-flight.yaml --out test-results/replays

            Several recordings (or a folder whose subfolders hold recording.json) replay one after another, each in its
            own browser, into --out DIR/NAME/ (the same files as one replay); DIR/junit.xml has one test suite per
            recording and DIR/index.html links each report with its verdict. Every other option applies to each
            recording (--timeout bounds each replay; --param and the secrets must fit each); --heal-out takes one recording.

            Secrets come only from what you declare (--secret NAME=ENV_VAR, or --scenario FILE and the .env beside it),
            never from the recording: a recording may come from someone else and must not choose what is read.

            Exit codes: 0 every step passed, 1 a step or check failed, 2 bad input (recording, parameters, secrets), 3 no browser,
            130 cancelled (Ctrl+C; the report, JUnit file and log are still written).
            With several recordings, the worst of theirs: 130, then 3, then 2, then 1.
            """)
        {
            recording, param, query, baseUrl, healOut, noHeal, output, junit, html, approve, headed, shots, stepTimeout, trace, verbose,
            secret, scenario, timeout, allowApp, allowDomain, profile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ReplayCommandOptions(parse.GetValue(recording)!, parse.GetValue(param) ?? [], parse.GetValue(query), parse.GetValue(baseUrl),
                parse.GetValue(healOut), parse.GetValue(noHeal), parse.GetValue(output), parse.GetValue(junit), parse.GetValue(html), parse.GetValue(approve),
                parse.GetValue(headed), parse.GetValue(shots) ?? "failures", parse.GetValue(stepTimeout), parse.GetValue(trace), parse.GetValue(verbose))
            {
                Secrets = parse.GetValue(secret) ?? [],
                Scenario = parse.GetValue(scenario),
                Timeout = parse.GetValue(timeout),
                AllowApps = parse.GetValue(allowApp) ?? [],
                AllowDomains = parse.GetValue(allowDomain) ?? [],
                Profile = parse.GetValue(profile),
            };
            return await ReplaySetAsync(console, options, cancellationToken);
        });
        return command;
    }

    internal sealed record ReplayCommandOptions(IReadOnlyList<string> Recordings, string[] Params, string? Query, string? BaseUrl, string? HealOut, bool NoHeal,
        string? Output, string? JUnit, string? Html, bool Approve, bool Headed, string Screenshots, string? StepTimeout, bool Trace, bool Verbose)
    {
        /// <summary><c>--secret NAME=ENV_VAR</c> declarations.</summary>
        public IReadOnlyList<string> Secrets { get; init; } = [];

        /// <summary><c>--scenario FILE</c>: the secrets' sources from a scenario the user names.</summary>
        public string? Scenario { get; init; }

        /// <summary><c>--timeout</c>: the whole replay's limit.</summary>
        public string? Timeout { get; init; }

        /// <summary>Desktop apps the person replaying allows the recording to launch (<c>--allow-app</c>).</summary>
        public IReadOnlyList<string> AllowApps { get; init; } = [];

        /// <summary>The user's allow-list (<c>--allow-domain</c>); empty: the host the replay starts on.</summary>
        public IReadOnlyList<string> AllowDomains { get; init; } = [];

        /// <summary><c>--profile</c>: print where the replay's time went.</summary>
        public bool Profile { get; init; }

        /// <summary>This replay is one of several: <c>--junit</c> and <c>--html</c> name the set's files, not this recording's.</summary>
        public bool InSet { get; init; }
    }

    /// <summary>What every recording of one <c>agent replay</c> shares: the options, parsed and checked once.</summary>
    private sealed record ReplaySettings(IReadOnlyDictionary<string, string> Parameters, ReplayScreenshots Screenshots, TimeSpan? StepTimeout,
        TimeSpan? Timeout, IReadOnlyDictionary<string, string> SecretSources, IReadOnlyList<string> Approve);

    /// <summary>How one recording's replay ended: the exit code, the result when it ran, why not when it did not.</summary>
    private sealed record ReplayOutcome(int ExitCode, ReplayResult? Result, string? Error);

    private static ReplaySettings? Settings(ReplayCommandOptions options, out string? error)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in options.Params)
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                error = $"--param {p}: expected NAME=VALUE.";
                return null;
            }
            var name = p[..eq].Trim();
            if (name.StartsWith("inputs.", StringComparison.Ordinal)) name = name[7..];
            parameters[name] = p[(eq + 1)..];
        }
        var screenshots = options.Screenshots.ToUpperInvariant() switch
        {
            "NONE" => ReplayScreenshots.None,
            "ALL" => ReplayScreenshots.All,
            "FAILURES" => ReplayScreenshots.FailuresAndHeals,
            _ => (ReplayScreenshots?)null,
        };
        error = null;
        if (screenshots is null) error = $"--screenshots {options.Screenshots}: expected none, failures or all.";
        TimeSpan? stepTimeout = null;
        if (error is null && options.StepTimeout is not null)
        {
            if (!DurationSyntax.TryParse(options.StepTimeout, out var parsed) || parsed > DurationSyntax.MaxStepTimeout)
                error = $"--step-timeout {options.StepTimeout}: expected a duration such as 5s or 1m, at most {DurationSyntax.Format(DurationSyntax.MaxStepTimeout)}.";
            stepTimeout = parsed;
        }
        TimeSpan? timeout = null;
        if (error is null && options.Timeout is not null)
        {
            if (!DurationSyntax.TryParse(options.Timeout, out var parsed) || parsed > DurationSyntax.MaxRunTimeout)
                error = $"--timeout {options.Timeout}: expected a duration such as 90s or 5m, at most {DurationSyntax.Format(DurationSyntax.MaxRunTimeout)}.";
            timeout = parsed;
        }
        if (error is not null) return null;
        var secretSources = ReplaySecrets.Declared(options.Secrets, options.Scenario, out var approve, out error);
        return secretSources is null ? null : new ReplaySettings(parameters, screenshots!.Value, stepTimeout, timeout, secretSources, approve);
    }

    /// <summary>One recording, as <c>agent replay RECORDING</c>: its outputs in <paramref name="options"/>' --out (or the default folder).</summary>
    private static async Task<int> ReplayOneAsync(IAnsiConsole console, ReplayCommandOptions options, string recording, CancellationToken cancellationToken)
    {
        var settings = Settings(options, out var settingsError);
        if (settings is null) return BadInput(settingsError!);
        var (document, path, error) = await RecordingFile.LoadAsync(recording, cancellationToken);
        if (document is null) return BadInput(error!);
        var folder = Path.GetFullPath(options.Output ?? DefaultOutput(document.Header.Name));
        var outcome = await ReplayAsync(console, options, settings, document, path, folder, cancellationToken);
        return outcome.ExitCode;
    }

    private static int BadInput(string message)
    {
        CliErrors.Error(message);
        return ExitCodes.BadInput;
    }

    /// <summary>Replays one loaded recording into <paramref name="folder"/>; every error is on standard error and in the outcome.</summary>
    private static async Task<ReplayOutcome> ReplayAsync(IAnsiConsole console, ReplayCommandOptions options, ReplaySettings settings,
        RecordingDocument document, string path, string folder, CancellationToken cancellationToken)
    {
        ReplayOutcome Fail(string message, int exitCode = ExitCodes.BadInput)
        {
            CliErrors.Error(message);
            return new ReplayOutcome(exitCode, null, message);
        }

        if (options.Trace && document.Header.SecretNames.Count > 0)
        {
            return Fail($"--trace is refused: the recording uses secrets ({string.Join(", ", document.Header.SecretNames)}), and a Playwright trace keeps typed values, " +
                        "DOM snapshots and screencast frames in clear, where they cannot be masked. Replay without --trace.");
        }
        if (ReplayOutputs.Problem(folder, options.HealOut) is { } outputProblem) return Fail(outputProblem);
        using var outputLock = FolderLock.TryAcquire(folder, out var lockError);
        if (outputLock is null) return Fail(lockError!);

        var composition = new AgentComposition(CliAgentOptions.Create());
        composition.Options.Browser.Headed = options.Headed;
        foreach (var domain in options.AllowDomains) composition.Options.Policy.AllowDomains.Add(domain);
        // Chromium starts now and comes up while the recording's site is served; the page opens on it below. A replay
        // that stops before that (bad input) closes it unused when the launch is disposed.
        await using var launch = document.Header.Driver == "desktop" ? null : composition.StartBrowserLaunch();
        ReplaySetup setup;
        try
        {
            setup = await composition.PrepareReplayAsync(document, path, new ReplaySetupRequest
            {
                BaseUrl = options.BaseUrl,
                Query = options.Query,
                SecretSources = settings.SecretSources,
                ScenarioPath = options.Scenario,
            }, cancellationToken);
        }
        catch (Exception e) when (e is SiteNotFoundException or ArgumentException or InvalidDataException)
        {
            return Fail(e.Message);
        }
        await using var _ = setup;

        await using var log = RunLogging.Create(Path.Combine(folder, "log.jsonl"), options.Verbose);
        Serilog.Log.Logger = log; // the command's own events (approvals)
        using var loggerFactory = RunLogging.Factory(log);
        RunLogging.UseSecrets(setup.Secrets);

        // The one allow-list rule run and replay share: --allow-domain, else the start host; the recording's list only narrows it.
        var allowList = composition.AllowListFor(scenario: null, setup.StartUrl, document.Header.Policy.AllowDomains);
        var replayOptions = new ReplayOptions
        {
            SecretHosts = allowList,
            Parameters = settings.Parameters,
            Secrets = setup.Secrets,
            SecretSources = settings.SecretSources,
            Timeout = settings.Timeout,
            Urls = setup.Urls,
            AllowHeal = !options.NoHeal,
            Screenshots = settings.Screenshots,
            StepTimeout = settings.StepTimeout,
            Approve = settings.Approve,
            Approvals = options.Approve ? new AutoApprovalGate() : null,
            OutputDirectory = folder,
            Progress = new ConsoleReplayProgress(console),
            LoggerFactory = loggerFactory,
        };
        var problems = ReplayEngine.Preflight(document, replayOptions);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) CliErrors.Error($"{path}: {problem}");
            return new ReplayOutcome(ExitCodes.BadInput, null, $"{path}: {string.Join(" ", problems)}");
        }

        Core.Ports.IUiDriver driver;
        try
        {
            driver = document.Header.Driver == "desktop"
                ? await DesktopDriverChoice.StartForReplayAsync(document.Header, options.AllowApps, composition.Options.Desktop, cancellationToken)
                : await composition.OpenBrowserAsync(allowList, options.Trace ? Path.Combine(folder, "trace.zip") : null, launch, cancellationToken);
        }
        catch (BrowserNotFoundException e)
        {
            return Fail(e.Message, ExitCodes.Environment);
        }
        catch (Desktop.AppNotAllowedException e)
        {
            return Fail(e.Message);
        }
        catch (Desktop.DesktopEnvironmentException e)
        {
            return Fail(e.Message, ExitCodes.Environment);
        }

        console.MarkupLine($"[bold]replay {Markup.Escape(document.Header.Name)}[/] [grey]{document.Steps.Count} steps · {Markup.Escape(setup.StartUrl ?? "")} · no model[/]");
        ReplayResult result;
        string? appOutput;
        Task writing;
        await using (driver)
        {
            result = await new ReplayEngine(driver, replayOptions).ReplayAsync(document, cancellationToken);
            appOutput = await DesktopDriverChoice.WriteAppOutputAsync(driver, folder, setup.Secrets);
            // The reports need nothing more of the browser or app: they are written while it closes, and also when the
            // replay was cancelled (Ctrl+C), so they are not written under the cancelled token.
            writing = Task.Run(() => WriteOutputsAsync(result, document, path, folder, options, CancellationToken.None), CancellationToken.None);
        }
        await writing;
        if (appOutput is not null) console.MarkupLine($"App output: {Markup.Escape(Relative(appOutput))}");
        if (options.HealOut is not null && result.HealCount > 0)
        {
            var healedPath = await WriteHealedAsync(document, result, path, options.HealOut, CancellationToken.None);
            console.MarkupLine($"Healed recording for review: {Markup.Escape(Relative(healedPath))}");
        }
        else if (options.HealOut is not null)
        {
            console.MarkupLine("[grey]No heals: nothing written to --heal-out.[/]");
        }
        PrintSummary(console, result, folder);
        if (options.Profile) TimeProfile.Print(console, "replay", result.DurationMs, result.Timings, result.Steps.Select(s => (s.Index, s.Action, s.DurationMs, s.Timings)));
        var exitCode = cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled : result.Passed ? ExitCodes.Success : ExitCodes.RunFailed;
        return new ReplayOutcome(exitCode, result, null);
    }

    private static async Task WriteOutputsAsync(ReplayResult result, RecordingDocument document, string recordingPath, string folder,
        ReplayCommandOptions options, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAsync(Path.Combine(folder, "replay.json"), (stream, token) => JsonSerializer.SerializeAsync(stream, result, RecordingJson.Options, token), cancellationToken);
        JUnitSuite[] suites = [JUnitSuite.FromReplay(result, folder)];
        await JUnitReportWriter.WriteAsync(suites, "agent replay", Path.Combine(folder, "junit.xml"), cancellationToken);
        // With several recordings, --junit and --html name the set's files (written once all have replayed).
        if (!options.InSet && options.JUnit is not null) await JUnitReportWriter.WriteAsync(suites, "agent replay", options.JUnit, cancellationToken);
        var model = ReportModel.FromReplay(result, document, Path.GetDirectoryName(recordingPath)!, folder);
        await HtmlReportWriter.WriteAsync(model, Path.Combine(folder, "report.html"), ReportImages.Embed, cancellationToken);
        if (!options.InSet && options.Html is not null) await HtmlReportWriter.WriteAsync(model, options.Html, ReportImages.Embed, cancellationToken);
    }

    private static async Task<string> WriteHealedAsync(RecordingDocument document, ReplayResult result, string recordingPath, string healOut,
        CancellationToken cancellationToken)
    {
        var healed = HealedRecording.Apply(document, result);
        var target = ReplayOutputs.HealedPath(healOut);
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        // Keep the screenshots the recording refers to, so the healed folder replays and reports on its own.
        var sourceShots = Path.Combine(Path.GetDirectoryName(recordingPath)!, "shots");
        var targetShots = Path.Combine(directory, "shots");
        if (Directory.Exists(sourceShots) && !string.Equals(Path.GetFullPath(sourceShots), Path.GetFullPath(targetShots), StringComparison.Ordinal))
        {
            Directory.CreateDirectory(targetShots);
            // Only files that are inside the recording's folder (no link out of it) are copied.
            foreach (var file in Directory.EnumerateFiles(sourceShots).Where(f => RecordingPaths.Problem(Path.GetDirectoryName(recordingPath)!, Path.Combine("shots", Path.GetFileName(f))) is null))
            {
                File.Copy(file, Path.Combine(targetShots, Path.GetFileName(file)), overwrite: true);
            }
        }
        await AtomicFile.WriteAsync(target, (stream, token) => JsonSerializer.SerializeAsync(stream, healed, RecordingJson.Options, token), cancellationToken);
        return target;
    }

    private static void PrintSummary(IAnsiConsole console, ReplayResult result, string folder)
    {
        var color = result.Passed ? "green" : "red";
        var replayed = result.Steps.Count(s => s.Outcome != ReplayStepOutcome.Skipped);
        console.WriteLine();
        console.MarkupLine($"[{color} bold]{(result.Passed ? "PASSED" : "FAILED")}[/] {result.Steps.Count} steps: {result.PassedCount} passed, {result.FailedCount} failed, {result.SkippedCount} skipped; " +
                           $"{result.HealCount} heals (heal rate {result.HealRate.ToString("P1", CultureInfo.InvariantCulture)} of {replayed}) in {result.DurationMs / 1000.0:0.0}s, 0 model calls");
        if (result.Reason is not null) console.MarkupLine($"[{color}]{Markup.Escape(result.Reason)}[/]");
        foreach (var step in result.Steps.Where(s => s.Heal is not null))
        {
            console.MarkupLine($"  [yellow]heal[/] step {step.Index} {Markup.Escape(step.Action)}: {Markup.Escape(step.Heal!.BrokenLocator)} → {Markup.Escape(step.Heal.FoundLocator)}");
        }
        foreach (var check in result.Expectations)
        {
            console.MarkupLine($"  {(check.Passed ? "[green]✓[/]" : "[red]✗[/]")} expect {Markup.Escape(check.Check)}{(check.Detail is null ? "" : $" [grey]({Markup.Escape(check.Detail)})[/]")}");
        }
        console.MarkupLine($"Report: {Markup.Escape(Relative(Path.Combine(folder, "report.html")))} · JUnit: {Markup.Escape(Relative(Path.Combine(folder, "junit.xml")))}");
    }

    // recordings/replays/NAME-STAMP, with -2, -3… when two replays start in the same second (each gets its own folder).
    private static string DefaultOutput(string name)
    {
        var stem = Path.Combine("recordings", "replays", $"{name}-{TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        var folder = stem;
        for (var n = 2; Directory.Exists(folder); n++) folder = $"{stem}-{n}";
        return folder;
    }

    private static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);
}
