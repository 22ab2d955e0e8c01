using System.Xml.Linq;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Reports;

namespace ActionAgent.Core.Tests.Safety;

/// <summary>What a hostile or broken recording can make the report writers do: nothing outside its folder, no crash.</summary>
public sealed class UntrustedRecordingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aa-untrusted-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RecordingDocument Recording(params StepRecord[] steps) => new()
    {
        Header = new RecordingHeader { Name = "hostile", Driver = "browser", Planner = "explicit" },
        Steps = [.. steps],
    };

    [Theory]
    [InlineData("/proc/self/environ")]
    [InlineData("../../../../../../../../etc/hostname")]
    [InlineData("shots/../../outside.png")]
    public void The_report_never_embeds_a_file_outside_the_recording_folder(string path)
    {
        var outside = Path.Combine(Path.GetDirectoryName(_dir)!, "outside.png");
        var recording = Recording(new StepRecord { Index = 1, Action = "click", Outcome = StepOutcome.Succeeded, ShotBefore = path, ShotAfter = path });
        var result = new ReplayResult { Name = "hostile", Status = ReplayVerdict.Passed, Steps = [new ReplayStepResult { Index = 1, Action = "click", Summary = "click", Outcome = ReplayStepOutcome.Passed }] };

        var model = ReportModel.FromReplay(result, recording, Path.Combine(_dir, "rec"), null);
        var html = HtmlReportWriter.Render(model, _dir, ReportImages.Embed);

        Assert.Empty(model.Steps.Single().Images);
        Assert.DoesNotContain("data:", html, StringComparison.Ordinal);
        Assert.False(File.Exists(outside));
    }

    [Fact]
    public void A_symlink_in_the_recording_folder_that_points_outside_is_refused()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "rec")).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "shots"));
        File.CreateSymbolicLink(Path.Combine(folder, "shots", "a.png"), "/etc/hostname");
        Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), "/etc");
        File.WriteAllBytes(Path.Combine(folder, "shots", "b.png"), [0x89, 0x50]);

        Assert.Equal("is a symbolic link to a file outside the recording folder", RecordingPaths.Problem(folder, "shots/a.png"));
        Assert.Equal("is a symbolic link to a file outside the recording folder", RecordingPaths.Problem(folder, "linked/hostname"));
        Assert.Null(RecordingPaths.Problem(folder, "shots/b.png"));
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_never_embedded_whatever_its_name()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "rec")).FullName;
        File.WriteAllText(Path.Combine(folder, "shot.png"), "TOKEN=not-an-image");
        var recording = Recording(new StepRecord { Index = 1, Action = "click", Outcome = StepOutcome.Succeeded, ShotAfter = "shot.png" });

        var html = HtmlReportWriter.Render(ReportModel.FromRecording(recording, folder), folder, ReportImages.Embed);

        Assert.DoesNotContain("data:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_escapes_control_characters_from_page_text_instead_of_crashing()
    {
        var result = new ReplayResult
        {
            Name = "ctl\u0001name",
            Status = ReplayVerdict.Failed,
            Reason = "bell\u0007",
            Steps = [new ReplayStepResult { Index = 1, Action = "fill", Summary = "fill \u001b[2J \uFFFE", Outcome = ReplayStepOutcome.Failed, Error = "page said \u0000 and \uD800" }],
        };

        var xml = XDocument.Parse(JUnitReportWriter.Render(result));

        var failure = xml.Descendants("failure").First();
        Assert.Equal("page said \\u0000 and \\uD800", failure.Attribute("message")!.Value);
        Assert.Contains("\\u001B[2J \\uFFFE", xml.Descendants("testcase").First().Attribute("name")!.Value, StringComparison.Ordinal);
    }
}
