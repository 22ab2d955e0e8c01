using System.Xml.Linq;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Reports;

namespace ActionAgent.Core.Tests.Replay;

public sealed class ReportWriterTests
{
    private static readonly ReplayResult Result = new()
    {
        Name = "fixture",
        Status = "failed",
        Reason = "step 2 fill: boom",
        Steps =
        [
            new ReplayStepResult { Index = 1, Action = "click", Summary = "click role button \"Search\"", Outcome = "healed",
                Heal = new ReplayHeal("role button \"Search\"", "css", "css #s", null, null, null), DurationMs = 12 },
            new ReplayStepResult { Index = 2, Action = "fill", Summary = "fill label \"Name\"", Outcome = "failed", Error = "step 2 fill: boom",
                Checks = [new CheckResult("value is \"Ada\"", false, "the value is \"\"")] },
            new ReplayStepResult { Index = 3, Action = "click", Summary = "click role button \"Pay\"", Outcome = "skipped", Error = "not replayed" },
        ],
    };

    [Fact]
    public void JUnit_has_one_test_case_per_step_plus_the_expectations()
    {
        var xml = XDocument.Parse(JUnitReportWriter.Render(Result));

        var cases = xml.Descendants("testcase").ToList();
        Assert.Equal(4, cases.Count);
        Assert.Equal("step 2 fill: boom", cases[1].Element("failure")!.Attribute("message")!.Value);
        Assert.NotNull(cases[2].Element("skipped"));
        Assert.Contains("HEAL: role button \"Search\" no longer matches; found by css #s", cases[0].Element("system-out")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_report_is_self_contained_and_lists_every_step_with_its_outcome()
    {
        var recording = new RecordingDocument { Header = new RecordingHeader { Name = "fixture", Driver = "fake", Planner = "explicit" } };

        var html = HtmlReportWriter.Render(ReportModel.FromReplay(Result, recording, "/nowhere", null), "/tmp", ReportImages.Embed);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.Contains("data-step=\"1\" data-outcome=\"healed\"", html, StringComparison.Ordinal);
        Assert.Contains("data-step=\"2\" data-outcome=\"failed\"", html, StringComparison.Ordinal);
        Assert.Contains("data-step=\"3\" data-outcome=\"skipped\"", html, StringComparison.Ordinal);
    }
}
