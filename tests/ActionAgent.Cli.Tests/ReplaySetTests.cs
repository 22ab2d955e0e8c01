using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ActionAgent.Cli.Tests;

/// <summary>`agent replay` with several recordings, or a folder of them, as CI runs a suite: one JUnit file, one index, one exit code.</summary>
public sealed partial class ReplaySetTests(ReplaySetRuns runs) : IClassFixture<ReplaySetRuns>
{
    private static int CasesPerRecording => ReplayRuns.RecordedSteps.Count + 1; // the steps + the expectations

    [Fact]
    public void Two_recordings_replay_into_one_junit_file_with_a_suite_each_and_exit_0()
    {
        Assert.True(runs.Two.ExitCode == 0, runs.Two.ToString());
        var junit = XDocument.Load(Path.Combine(runs.Out("two"), "junit.xml"));

        var suites = junit.Descendants("testsuite").ToList();
        Assert.Equal(["replay.book-flight", "replay.copy"], suites.Select(s => s.Attribute("name")!.Value));
        Assert.All(suites, s => Assert.Equal(CasesPerRecording, s.Elements("testcase").Count()));
        Assert.Empty(junit.Descendants("failure"));
    }

    [Fact]
    public void The_index_links_each_recordings_report_with_its_verdict()
    {
        var index = File.ReadAllText(Path.Combine(runs.Out("two"), "index.html"));

        foreach (var name in new[] { "book-flight", "copy" })
        {
            Assert.Contains($"<tr class=\"passed\" data-verdict=\"passed\"><td><a href=\"{name}/report.html\">", index, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(runs.Out("two"), name, "report.html")), $"{name}/report.html is linked but missing");
        }
    }

    [Fact]
    public void A_folder_of_recordings_replays_each_into_one_junit_file_and_one_index()
    {
        var junit = XDocument.Load(Path.Combine(runs.Out("folder"), "junit.xml"));
        var index = File.ReadAllText(Path.Combine(runs.Out("folder"), "index.html"));

        Assert.Equal(["replay.broken", "replay.passing"], junit.Descendants("testsuite").Select(s => s.Attribute("name")!.Value));
        Assert.Contains("<a href=\"broken/report.html\">", index, StringComparison.Ordinal);
        Assert.Contains("<a href=\"passing/report.html\">", index, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(runs.Out("folder"), "junit.xml")), File.ReadAllText(Path.Combine(runs.Out("ci"), "replays.xml")));
    }

    [Fact]
    public void A_failing_recording_fails_the_set_and_its_junit_failure_attaches_the_screenshot()
    {
        Assert.True(runs.FromFolder.ExitCode == 1, runs.FromFolder.ToString());
        var junit = XDocument.Load(Path.Combine(runs.Out("folder"), "junit.xml"));

        var failure = Assert.Single(junit.Descendants("failure"));
        var testcase = failure.Parent!;
        Assert.Equal("replay.broken", testcase.Attribute("classname")!.Value);
        Assert.StartsWith($"step {ReplaySetRuns.BrokenStep:00} ", testcase.Attribute("name")!.Value, StringComparison.Ordinal);
        var attachment = Assert.Single(Attachment().Matches(testcase.Element("system-out")!.Value)).Groups[1].Value;
        Assert.True(Path.IsPathRooted(attachment), attachment);
        Assert.True(File.Exists(attachment), attachment);
    }

    [Fact]
    public void The_summary_table_names_each_recording_with_its_verdict()
    {
        Assert.Matches(@"broken\s*│\s*FAILED", runs.FromFolder.Stdout);
        Assert.Matches(@"passing\s*│\s*PASSED", runs.FromFolder.Stdout);
        Assert.Contains("FAILED 2 recordings: 1 passed, 1 failed, 0 not replayed", runs.FromFolder.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heal_out_with_several_recordings_is_bad_input_on_stderr()
    {
        var run = await AgentProcess.RunAsync(["replay", ReplayRuns.Recording, runs.Out("copy"), "--heal-out", runs.Out("healed")]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: --heal-out takes one recording", run.Stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\[\[ATTACHMENT\|(.+)\]\]$", RegexOptions.Multiline)]
    private static partial Regex Attachment();
}
