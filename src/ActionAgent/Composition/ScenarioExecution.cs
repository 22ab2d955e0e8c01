using ActionAgent.Core.Engine;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Reports;

namespace ActionAgent.Composition;

/// <summary>
/// The run itself, shared by <c>agent run</c> and the scheduler's worker: the engine over the driver and planner,
/// then the HTML report beside the recording (written for failed and cancelled runs too).
/// </summary>
internal static class ScenarioExecution
{
    public static async Task<RunResult> RunAsync(IUiDriver driver, IPlanner planner, RecordingWriter writer, RunEngineServices services,
        RunRequest request, string folder, CancellationToken cancellationToken)
    {
        var engine = new RunEngine(driver, planner, writer, services);
        var result = await engine.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (writer.Document is { } recorded)
        {
            // The run's report sits next to its recording and links the screenshots in shots/.
            await HtmlReportWriter.WriteAsync(ReportModel.FromRecording(recorded, folder) with { Secrets = request.Secrets }, ReportPath(folder), ReportImages.Link, CancellationToken.None).ConfigureAwait(false);
        }
        return result;
    }

    public static string ReportPath(string folder) => Path.Combine(folder, "report.html");
}
