namespace ActionAgent.Scheduling.Tests;

/// <summary>Workers take their browsers from a pool of remote endpoints, one context per job.</summary>
public sealed class RemoteBrowserTests
{
    [Fact]
    public async Task A_worker_books_the_SkyFare_flight_in_a_remote_browser_started_with_playwright_run_server()
    {
        using var bed = new SchedulerBed();
        await using var server = await PlaywrightRunServer.StartAsync(ActionAgent.Browser.BrowserLocator.Default.Locate());
        await bed.ScheduleAsync(Path.Combine(AgentProcess.RepositoryRoot, "scenarios", "book-flight.yaml"), "--cron", "0 0 0 1 1 ? 2099", "--name", "book");
        Assert.Equal(0, (await bed.AgentAsync("schedule", "run-now", "book")).ExitCode);

        await using var worker = bed.StartWorker("--browser-endpoint", server.Endpoint.ToString());
        var history = await bed.WaitForAsync(runs => runs.Any(r => r.Status != RunStatus.Running), TimeSpan.FromMinutes(8), worker);
        worker.Signal("TERM");
        await worker.WaitAsync(TimeSpan.FromMinutes(2));

        var run = Assert.Single(history);
        Assert.True(run.Status == RunStatus.Succeeded, $"{run.Status}: {run.Reason}\n{worker.Output}");
        // The booking was confirmed on the page, in a browser the run server launched for the worker's connection.
        using var recording = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run.Recording!, "recording.json")));
        var expectations = recording.RootElement.GetProperty("summary").GetProperty("expectations").EnumerateArray().ToList();
        Assert.Contains(expectations, e => e.GetProperty("check").GetString()!.Contains("Booking confirmed", StringComparison.Ordinal) && e.GetProperty("passed").GetBoolean());
        Assert.Contains("serving connection", server.Log, StringComparison.Ordinal);
        Assert.Contains("launch mode for \"chromium\"", server.Log, StringComparison.Ordinal);
    }
}
