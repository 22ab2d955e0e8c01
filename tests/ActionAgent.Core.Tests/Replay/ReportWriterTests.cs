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
        Status = ReplayVerdict.Failed,
        Reason = "step 2 fill: boom",
        Steps =
        [
            new ReplayStepResult { Index = 1, Action = "click", Summary = "click role button \"Search\"", Outcome = ReplayStepOutcome.Healed,
                Heal = new ReplayHeal("role button \"Search\"", "css", "css #s", null, null, null), DurationMs = 12 },
            new ReplayStepResult { Index = 2, Action = "fill", Summary = "fill label \"Name\"", Outcome = ReplayStepOutcome.Failed, Error = "step 2 fill: boom",
                Checks = [new CheckResult("value is \"Ada\"", false, "the value is \"\"")] },
            new ReplayStepResult { Index = 3, Action = "click", Summary = "click role button \"Pay\"", Outcome = ReplayStepOutcome.Skipped, Error = "not replayed" },
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
    public void JUnit_attaches_a_failed_steps_screenshot_by_its_absolute_path()
    {
        var dir = Directory.CreateTempSubdirectory("aa-junit-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "shots"));
            File.WriteAllBytes(Path.Combine(dir, "shots", "002-failed.png"), [1]);
            var result = Result with { Steps = [.. Result.Steps.Select(s => s.Index == 2 ? s with { Shot = "shots/002-failed.png" } : s)] };

            var xml = XDocument.Parse(JUnitReportWriter.Render([JUnitSuite.FromReplay(result, dir)], "agent replay"));

            var output = xml.Descendants("testcase").ElementAt(1).Element("system-out")!.Value;
            Assert.Contains($"[[ATTACHMENT|{Path.Combine(dir, "shots", "002-failed.png")}]]", output.Split('\n'));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void JUnit_of_several_suites_masks_each_suites_secrets()
    {
        var secrets = new ActionAgent.Core.Secrets.SecretVault(new Dictionary<string, string> { ["card_number"] = "4242424242424242" });
        var leaking = Result with { Name = "second", Secrets = secrets, Reason = "typed 4242424242424242" };
        leaking = leaking with { Steps = [.. leaking.Steps.Select(s => s.Index == 2 ? s with { Error = "could not type 4242424242424242" } : s)] };

        var xml = JUnitReportWriter.Render([JUnitSuite.FromReplay(Result, null), JUnitSuite.FromReplay(leaking, null)], "agent replay");

        Assert.Equal(2, XDocument.Parse(xml).Descendants("testsuite").Count());
        Assert.Contains("could not type ********", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("4242", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_links_each_report_relative_to_the_index_with_its_verdict()
    {
        ReplayIndexEntry[] entries =
        [
            new() { Name = "first", Recording = "/r/first/recording.json", Result = Result, ReportPath = "/out/first/report.html" },
            new() { Name = "bad one", Recording = "/r/bad one/recording.json", Error = "/r/bad one: missing secret" },
        ];

        var html = ReplayIndexWriter.Render(entries, "/out", "/out/junit.xml");

        Assert.Contains("<tr class=\"failed\" data-verdict=\"failed\"><td><a href=\"first/report.html\">first</a>", html, StringComparison.Ordinal);
        Assert.Contains("data-verdict=\"error\"", html, StringComparison.Ordinal);
        Assert.Contains("missing secret", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"junit.xml\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
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

    [Fact]
    public void An_embedded_screenshot_is_written_once_and_a_secrets_digits_in_its_data_do_not_break_it()
    {
        var dir = Directory.CreateTempSubdirectory("aa-report-").FullName;
        try
        {
            // A PNG whose base64 text holds "123" many times, as any real screenshot's does for a short secret.
            byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 64, 0, 0, 0, 40, .. Enumerable.Repeat(Convert.FromBase64String("1234"), 50).SelectMany(b => b)];
            var shot = Path.Combine(dir, "shot.png");
            File.WriteAllBytes(shot, png);
            var secrets = new ActionAgent.Core.Secrets.SecretVault(new Dictionary<string, string> { ["cvc"] = "123" });
            var model = new ReportModel
            {
                Title = "fixture 123", Kind = "replay", Status = "passed", Secrets = secrets,
                Steps =
                [
                    new ReportStep { Index = 1, Action = "click", Summary = "click 123", Outcome = ReplayStepOutcome.Passed, Images = [new ReportImage("after", shot)] },
                    new ReportStep { Index = 2, Action = "click", Summary = "click", Outcome = ReplayStepOutcome.Healed, Images = [new ReportImage("before", shot)],
                        Heal = new ReplayHeal("css #a", "role", "role button \"A\"", null, null, new ActionAgent.Core.Actions.BoundingBox(4, 4, 20, 10)), HealShot = shot },
                ],
            };

            var html = HtmlReportWriter.Render(model, dir, ReportImages.Embed);

            var data = Convert.ToBase64String(png);
            Assert.Contains(data, html, StringComparison.Ordinal);
            Assert.Equal(1, html.Split("data:image/png;base64,").Length - 1);
            Assert.Equal(2, html.Split("class=\"thumb shot1\"").Length - 1);
            Assert.Contains("class=\"crop shot1\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("fixture 123", html, StringComparison.Ordinal);
            Assert.DoesNotContain("click 123", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
