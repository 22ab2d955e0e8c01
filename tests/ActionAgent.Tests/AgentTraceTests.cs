using System.IO.Compression;

namespace ActionAgent.Tests;

/// <summary><see cref="RecordingSettings.Trace"/> in a library run, as <c>agent run --trace</c>: a Playwright trace beside the recording.</summary>
public sealed class AgentTraceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agent-trace-").FullName;

    [Fact]
    public async Task A_run_with_Recording_Trace_saves_a_playwright_trace_in_its_recording_folder()
    {
        await using var agent = await Agent.CreateAsync(Options(trace: true));

        var run = await agent.RunAsync("type London into the From field", "site:skyfare/?today=2026-11-28");

        Assert.True(run.Succeeded, run.Reason);
        Assert.Equal(Path.Combine(run.RecordingFolder, "trace.zip"), run.TracePath);
        using var zip = ZipFile.OpenRead(run.TracePath!);
        var events = zip.Entries.Single(e => e.FullName.EndsWith(".trace", StringComparison.Ordinal));
        using var reader = new StreamReader(events.Open());
        var trace = await reader.ReadToEndAsync();
        Assert.Contains("\"type\":\"context-options\"", trace, StringComparison.Ordinal); // a Playwright trace, as trace viewer opens it
        Assert.Contains("London", trace, StringComparison.Ordinal);                     // of this run's actions
    }

    [Fact]
    public async Task A_run_without_Recording_Trace_saves_no_trace()
    {
        await using var agent = await Agent.CreateAsync(Options(trace: false));

        var run = await agent.RunAsync("type London into the From field", "site:skyfare/?today=2026-11-28");

        Assert.True(run.Succeeded, run.Reason);
        Assert.Null(run.TracePath);
        Assert.False(File.Exists(Path.Combine(run.RecordingFolder, "trace.zip")));
    }

    [Fact]
    public async Task Recording_Trace_is_refused_for_a_scenario_with_secrets_before_anything_runs()
    {
        await using var agent = await Agent.CreateAsync(Options(trace: true));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => agent.RunScenarioAsync(Repository.File("scenarios", "book-flight.yaml")));

        Assert.Contains("Recording.Trace is refused", refused.Message, StringComparison.Ordinal);
        Assert.Contains("card_number", refused.Message, StringComparison.Ordinal); // the secret's name, never its value
        Assert.False(Directory.Exists(Path.Combine(_folder, "runs")));
        Assert.Null(agent.Page);
    }

    private Action<AgentOptions> Options(bool trace) => o =>
    {
        o.UseChromium().UseOfflinePlanner().RecordTo(Path.Combine(_folder, "runs"));
        o.Recording.Trace = trace;
        o.SitesFolder = Repository.File("scenarios", "sites");
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
