using System.Globalization;
using ActionAgent.Cli.Running;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Reports;
using Spectre.Console;

namespace ActionAgent.Cli.Commands;

internal static partial class ReplayCommand
{
    private static readonly string[] SetOutputs = ["junit.xml", "index.html"];

    /// <summary>
    /// <c>agent replay A B …</c> or <c>agent replay FOLDER</c>: each recording replays in turn (its own browser, as one
    /// replay does: each has its own site, allow-list and secrets) into <c>--out DIR/NAME/</c>; then DIR/junit.xml holds a
    /// test suite per recording and DIR/index.html links each report with its verdict. One recording alone replays as always.
    /// </summary>
    private static async Task<int> ReplaySetAsync(IAnsiConsole console, ReplayCommandOptions options, CancellationToken cancellationToken)
    {
        var recordings = RecordingSet.Expand(options.Recordings, out var isSet);
        if (!isSet) return await ReplayOneAsync(console, options, recordings[0], cancellationToken);
        if (options.HealOut is not null)
        {
            return BadInput($"--heal-out takes one recording (its healed copy is written there), and {recordings.Count} are given; " +
                            "replay the recording whose heals you want to review on its own.");
        }
        if (options.JUnit is not null && Directory.Exists(options.JUnit)) return BadInput($"--junit {options.JUnit}: is a folder; give the JUnit XML file's name.");
        if (options.Html is not null && Directory.Exists(options.Html)) return BadInput($"--html {options.Html}: is a folder; give the index file's name.");
        var settings = Settings(options, out var settingsError);
        if (settings is null) return BadInput(settingsError!);

        // Every recording is read first: a missing or invalid one is bad input before any browser starts.
        var loaded = new List<(string Path, RecordingDocument Document)>();
        var errors = new List<string>();
        foreach (var recording in recordings)
        {
            var (document, path, error) = await RecordingFile.LoadAsync(recording, cancellationToken);
            if (document is null) errors.Add(error!);
            else loaded.Add((path, document));
        }
        if (errors.Count > 0)
        {
            foreach (var error in errors) CliErrors.Error(error);
            return ExitCodes.BadInput;
        }

        var folder = Path.GetFullPath(options.Output ?? DefaultOutput("batch"));
        if (File.Exists(folder)) return BadInput($"--out {folder}: is a file; give a folder for the replays' outputs.");
        if (SetOutputs.FirstOrDefault(name => File.Exists(Path.Combine(folder, name))) is { } existing)
        {
            return BadInput($"--out {folder}: already holds replays ({existing}); choose another folder or delete it first (a replay never overwrites earlier results).");
        }
        using var setLock = FolderLock.TryAcquire(folder, out var lockError);
        if (setLock is null) return BadInput(lockError!);

        var outputNames = RecordingSet.OutputNames([.. loaded.Select(l => l.Path)]);
        // A suite is named after its recording; two recordings with one name are told apart by their output folders.
        var duplicated = loaded.GroupBy(l => l.Document.Header.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var setOptions = options with { InSet = true };
        var entries = new List<ReplayIndexEntry>();
        var suites = new List<JUnitSuite>();
        var exitCodes = new List<int>();
        for (var i = 0; i < loaded.Count; i++)
        {
            var (path, document) = loaded[i];
            var name = duplicated.Contains(document.Header.Name) ? outputNames[i] : document.Header.Name;
            var output = Path.Combine(folder, outputNames[i]);
            if (cancellationToken.IsCancellationRequested)
            {
                const string cancelled = "not replayed: the replays were cancelled.";
                entries.Add(new ReplayIndexEntry { Name = name, Recording = path, Error = cancelled });
                suites.Add(JUnitSuite.NotRun("replay." + name, cancelled));
                exitCodes.Add(ExitCodes.Cancelled);
                continue;
            }
            if (exitCodes.Contains(ExitCodes.Environment))
            {
                // No browser (or desktop) for one means none for the others: they are listed, not started.
                const string notStarted = "not replayed: an earlier recording found no browser or desktop to replay in (see the error above).";
                entries.Add(new ReplayIndexEntry { Name = name, Recording = path, Error = notStarted });
                suites.Add(JUnitSuite.NotRun("replay." + name, notStarted));
                continue;
            }
            console.WriteLine();
            console.MarkupLine($"[bold][[{i + 1}/{loaded.Count}]][/] {Markup.Escape(Relative(path))} [grey]→ {Markup.Escape(Relative(output))}[/]");
            var outcome = await ReplayAsync(console, setOptions, settings, document, path, output, cancellationToken);
            exitCodes.Add(outcome.ExitCode);
            if (outcome.Result is { } result)
            {
                entries.Add(new ReplayIndexEntry { Name = name, Recording = path, Result = result, ReportPath = Path.Combine(output, "report.html") });
                suites.Add(JUnitSuite.FromReplay(result, output, name));
            }
            else
            {
                entries.Add(new ReplayIndexEntry { Name = name, Recording = path, Error = outcome.Error });
                suites.Add(JUnitSuite.NotRun("replay." + name, outcome.Error ?? "could not be replayed"));
            }
        }

        var junit = Path.Combine(folder, "junit.xml");
        var index = Path.Combine(folder, "index.html");
        // Written also when the replays were cancelled (Ctrl+C), so not under the cancelled token.
        await JUnitReportWriter.WriteAsync(suites, "agent replay", junit, CancellationToken.None);
        if (options.JUnit is not null) await JUnitReportWriter.WriteAsync(suites, "agent replay", options.JUnit, CancellationToken.None);
        await ReplayIndexWriter.WriteAsync(entries, index, junit, CancellationToken.None);
        if (options.Html is not null) await ReplayIndexWriter.WriteAsync(entries, options.Html, options.JUnit is null ? junit : Path.GetFullPath(options.JUnit), CancellationToken.None);
        PrintSetSummary(console, entries, index, junit);
        // The worst outcome decides: cancelled, no browser, then bad input, then a failed replay.
        int[] order = [ExitCodes.Cancelled, ExitCodes.Environment, ExitCodes.BadInput, ExitCodes.RunFailed];
        return order.FirstOrDefault(exitCodes.Contains, ExitCodes.Success);
    }

    private static void PrintSetSummary(IAnsiConsole console, IReadOnlyList<ReplayIndexEntry> entries, string index, string junit)
    {
        console.WriteLine();
        var table = new Table().AddColumns("#", "recording", "verdict", "steps (passed/failed/skipped)", "heals", "time", "report");
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var result = entry.Result;
            var color = entry.Verdict switch { ReplayEntryVerdict.Passed => "green", ReplayEntryVerdict.Failed => "red", _ => "yellow" };
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(entry.Name),
                $"[{color}]{entry.Verdict.ToText().ToUpperInvariant()}[/]",
                result is null ? "" : $"{result.PassedCount}/{result.FailedCount}/{result.SkippedCount} of {result.Steps.Count}",
                result is null ? "" : result.HealCount.ToString(CultureInfo.InvariantCulture),
                result is null ? "" : (result.DurationMs / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + "s",
                entry.ReportPath is null ? Markup.Escape(entry.Error ?? "") : Markup.Escape(Relative(entry.ReportPath)));
        }
        console.Write(table);
        var passed = entries.Count(e => e.Verdict == ReplayEntryVerdict.Passed);
        var allPassed = passed == entries.Count;
        console.MarkupLine($"[{(allPassed ? "green" : "red")} bold]{(allPassed ? "PASSED" : "FAILED")}[/] {entries.Count} recordings: {passed} passed, " +
                           $"{entries.Count(e => e.Verdict == ReplayEntryVerdict.Failed)} failed, {entries.Count(e => e.Verdict == ReplayEntryVerdict.Error)} not replayed; 0 model calls");
        console.MarkupLine($"Index: {Markup.Escape(Relative(index))} · JUnit: {Markup.Escape(Relative(junit))}");
    }
}
