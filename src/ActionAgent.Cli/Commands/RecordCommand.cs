using System.CommandLine;
using System.Text.RegularExpressions;
using ActionAgent.Browser;
using ActionAgent.Browser.Recording;
using ActionAgent.Cli.Running;
using ActionAgent.Composition;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Reports;
using ActionAgent.Core.Scenarios;
using ActionAgent.Sites;
using Spectre.Console;

namespace ActionAgent.Cli.Commands;

/// <summary><c>agent record</c>: opens a headed browser and records what a person does into a replayable recording.</summary>
internal static class RecordCommand
{
    public static Command Create(IAnsiConsole console, CliEnvironment environment)
    {
        var start = new Argument<string>("start") { Description = "Where to start: a URL, or site:NAME[/path] to serve a demo site (e.g. site:skyfare/?today=2026-11-28)." };
        var output = new Option<string?>("--out", "-o") { Description = "The recording folder (default: recordings/NAME-TIMESTAMP)." };
        var name = new Option<string?>("--name") { Description = "The recording's name (default: the site or host name)." };
        var untilUrl = new Option<string?>("--until-url") { Description = "Stop once the page URL matches this regular expression (e.g. \"#confirmation\")." };
        var duration = new Option<string?>("--duration") { Description = "Stop after this long (e.g. 2m)." };
        var cdpPort = new Option<int?>("--cdp-port") { Description = "Open Chromium's DevTools protocol on this loopback port (lets tools and tests drive the same browser)." };

        var command = new Command("record", """
            Open a browser window and record what you do — clicks, typing, selects, checkboxes, Enter, navigation — into a
            recording (recording.json with layered targets and derived checks) that agent replay can replay.
            Stop with Ctrl+C, by closing the window, or with --until-url / --duration. Needs a display; on a server run it
            under Xvfb: xvfb-run agent record …

            Examples:
              agent record site:skyfare/?today=2026-11-28 --out recordings/my-booking
              agent record https://example.test/login --until-url "/dashboard" --out recordings/login
            """)
        {
            start, output, name, untilUrl, duration, cdpPort,
        };
        command.SetAction(async (parse, cancellationToken) =>
            await RecordAsync(console, environment, parse.GetValue(start)!, parse.GetValue(output), parse.GetValue(name), parse.GetValue(untilUrl),
                parse.GetValue(duration), parse.GetValue(cdpPort), cancellationToken));
        return command;
    }

    internal static async Task<int> RecordAsync(IAnsiConsole console, CliEnvironment environment, string start, string? output, string? name, string? untilUrl, string? duration,
        int? cdpPort, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsLinux() && !environment.HasDisplay)
        {
            CliErrors.Error("agent record needs a display; run under Xvfb: xvfb-run agent record …");
            return ExitCodes.Environment;
        }
        Regex? until = null;
        if (untilUrl is not null)
        {
            try { until = new Regex(untilUrl, RegexOptions.None, TimeSpan.FromSeconds(1)); }
            catch (ArgumentException e) { CliErrors.Error($"--until-url: {e.Message}"); return ExitCodes.BadInput; }
        }
        TimeSpan? limit = null;
        if (duration is not null)
        {
            if (!DurationSyntax.TryParse(duration, out var parsed) || parsed > DurationSyntax.MaxRunTimeout) { CliErrors.Error($"--duration {duration}: expected a duration such as 90s or 2m, at most 24h."); return ExitCodes.BadInput; }
            limit = parsed;
        }

        var spec = new BrowserAppSpec(start);
        if (spec.SiteName is null && !(Uri.TryCreate(start, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file"))
        {
            CliErrors.Error($"{start} is neither a URL nor site:NAME.");
            return ExitCodes.BadInput;
        }
        ServedApp site;
        try { site = await CliAgentOptions.Default().ServeAsync(start, cancellationToken); }
        catch (SiteNotFoundException e) { CliErrors.Error(e.Message); return ExitCodes.BadInput; }
        var startUrl = site.StartUrl;
        await using var _ = site;
        var recordingName = name ?? spec.SiteName ?? new Uri(startUrl).Host;
        var folder = Path.GetFullPath(output ?? Path.Combine("recordings", $"{recordingName}-{DateTime.UtcNow:yyyyMMdd-HHmmss}"));
        // As agent run: one recorder writes a folder at a time, and a recording already there is never overwritten
        // (checked before the browser opens, so a person does not record a session that cannot be saved).
        using var folderLock = FolderLock.TryClaimRecording(folder, "--out", output ?? folder, out var folderError);
        if (folderLock is null)
        {
            CliErrors.Error(folderError!);
            return ExitCodes.BadInput;
        }

        PlaywrightDriver driver;
        try
        {
            driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions
            {
                Headed = true,
                Locator = CliAgentOptions.BrowserLocator(),
                Args = cdpPort is { } port ? [$"--remote-debugging-port={port}", "--remote-debugging-address=127.0.0.1"] : [],
            }, cancellationToken);
        }
        catch (BrowserNotFoundException e)
        {
            CliErrors.Error(e.Message);
            return ExitCodes.Environment;
        }

        var startedAt = TimeProvider.System.GetUtcNow();
        IReadOnlyList<CapturedEvent> events;
        string finalUrl;
        IReadOnlyList<string> finalKeys;
        await using (driver)
        {
            var recorder = await BrowserRecorder.StartAsync(driver, startUrl);
            console.MarkupLine($"[bold]recording[/] {Markup.Escape(startUrl)} [grey]· stop with Ctrl+C or by closing the window{(until is null ? "" : $" · until the URL matches {Markup.Escape(untilUrl!)}")}[/]");
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            recorder.Captured += (_, e) => console.MarkupLine($"  [grey]{Markup.Escape(e.Action)}[/] {Markup.Escape(e.Target?.ToString() ?? "")}{(e.Value is null ? "" : $" = \"{Markup.Escape(e.Value)}\"")}");
            driver.Page.Close += (_, _) => stopped.TrySetResult();
            driver.Page.FrameNavigated += (_, frame) =>
            {
                if (until is not null && frame == driver.Page.MainFrame && until.IsMatch(frame.Url)) stopped.TrySetResult();
            };
            using var limitSource = limit is { } l ? new CancellationTokenSource(l) : new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limitSource.Token);
            try
            {
                await stopped.Task.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or --duration: stopping is the normal way out.
            }
            finalKeys = driver.Page.IsClosed ? [] : await recorder.KeysNowAsync();
            finalUrl = driver.Page.IsClosed ? recorder.Events.LastOrDefault()?.Url ?? startUrl : recorder.CurrentUrl;
            events = recorder.Events;
        }

        var secretNames = events.Select(e => e.SecretName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var writer = new RecordingWriter(folder);
        await writer.BeginAsync(new RecordingHeader
        {
            Name = recordingName,
            Goal = $"recorded by a person from {start}",
            AppStart = start,
            StartUrl = startUrl,
            Driver = "browser",
            Planner = "human (agent record)",
            Policy = new RecordedPolicy { AllowDomains = [new Uri(startUrl).Host], StepTimeoutMs = 10_000 },
            // Password fields were recorded as ${secrets.NAME}: the recording declares them (never their values).
            SecretNames = [.. secretNames],
            SecretSources = secretNames.ToDictionary(n => n, SecretPlaceholders.EnvironmentVariableFor, StringComparer.Ordinal),
            StartedAt = startedAt,
        }, CancellationToken.None);
        var steps = RecordedSteps.From(events, finalUrl, finalKeys);
        foreach (var step in steps) await writer.AppendStepAsync(step, CancellationToken.None);
        await writer.CompleteAsync(new RunSummary
        {
            Status = RunOutcome.Succeeded,
            Reason = "recorded by a person",
            StepCount = steps.Count,
            FinishedAt = TimeProvider.System.GetUtcNow(),
            DurationMs = (long)(TimeProvider.System.GetUtcNow() - startedAt).TotalMilliseconds,
        }, CancellationToken.None);
        await HtmlReportWriter.WriteAsync(ReportModel.FromRecording(writer.Document!, folder), Path.Combine(folder, "report.html"), ReportImages.Link, CancellationToken.None);
        console.MarkupLine($"[green]Recorded {steps.Count} steps[/] to {Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, folder))}; replay with: agent replay {Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, folder))}");
        return steps.Count > 1 ? ExitCodes.Success : ExitCodes.RunFailed;
    }
}
