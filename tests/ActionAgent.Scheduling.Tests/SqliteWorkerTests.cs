namespace ActionAgent.Scheduling.Tests;

/// <summary>The embedded store: jobs run on schedule across worker restarts, misfires, SIGTERM, timeouts and retries.</summary>
public sealed class SqliteWorkerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_job_every_few_seconds_runs_across_a_worker_restart_and_history_has_every_firing_once()
    {
        using var bed = new SchedulerBed();
        await bed.ScheduleAsync(SchedulerBed.Scenario("sign-up.yaml"), "--cron", "0/4 * * * * ?", "--name", "every-4s");

        await using (var first = bed.StartWorker())
        {
            await bed.WaitForAsync(runs => runs.Count(r => r.Status == RunStatus.Succeeded) >= 2, Patience, first);
            var (statusCode, statusOutput) = await bed.AgentAsync("worker", "--status");
            Assert.True(statusCode == 0, statusOutput);
            Assert.Contains("1 worker(s) alive", statusOutput, StringComparison.Ordinal);
            first.Signal("TERM");
            Assert.Equal(0, await first.WaitAsync(Patience));
        }
        var beforeRestart = await bed.HistoryAsync();
        Assert.DoesNotContain(beforeRestart, r => r.Status == RunStatus.Running);

        await using (var second = bed.StartWorker())
        {
            await bed.WaitForAsync(runs => runs.Count(r => r.Status == RunStatus.Succeeded && !beforeRestart.Any(b => b.RunId == r.RunId)) >= 2, Patience, second);
            second.Signal("TERM");
            Assert.Equal(0, await second.WaitAsync(Patience));
        }

        var history = await bed.HistoryAsync();
        var detail = SchedulerBed.Describe(history);
        Assert.All(beforeRestart, r => Assert.Contains(history, h => h.RunId == r.RunId && h.Status == r.Status));
        Assert.Equal(2, history.Select(r => r.Worker).Distinct().Count());
        Assert.DoesNotContain(history, r => r.Status == RunStatus.Running);
        // Each firing (job + due time) ran once: no firing lost in the restart shows twice, none is run by both workers.
        Assert.True(history.Select(r => r.Firing).Distinct().Count() == history.Count, detail);
        Assert.All(history.Where(r => r.Status == RunStatus.Succeeded), r => Assert.True(File.Exists(r.Report), $"no report for {r.RunId}"));
    }

    [Fact]
    public async Task A_job_records_its_runs_with_the_last_picture_only_unless_added_with_screenshots_all()
    {
        using var bed = new SchedulerBed();
        await bed.ScheduleAsync(SchedulerBed.Scenario("sign-up.yaml"), "--cron", "0/3 * * * * ?", "--name", "fewer");
        await bed.ScheduleAsync(SchedulerBed.Scenario("sign-up.yaml"), "--cron", "0/3 * * * * ?", "--name", "every", "--screenshots", "all");
        var (listed, list) = await bed.AgentAsync("schedule", "list");
        Assert.True(listed == 0, list);
        Assert.Contains("failures", list, StringComparison.Ordinal);
        Assert.Matches(@"\ball\b", list);

        IReadOnlyList<HistoryEntry> history;
        await using (var worker = bed.StartWorker())
        {
            history = await bed.WaitForAsync(runs => runs.Any(r => r.Job == "fewer" && r.Status == RunStatus.Succeeded)
                && runs.Any(r => r.Job == "every" && r.Status == RunStatus.Succeeded), Patience, worker);
            worker.Signal("TERM");
            await worker.WaitAsync(Patience);
        }

        static List<string?> ShotsAfter(HistoryEntry run)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Recording!, "recording.json")));
            return [.. doc.RootElement.GetProperty("steps").EnumerateArray()
                .Select(step => step.TryGetProperty("shotAfter", out var shot) && shot.ValueKind == System.Text.Json.JsonValueKind.String ? shot.GetString() : null)];
        }
        var fewer = ShotsAfter(history.First(r => r.Job == "fewer" && r.Status == RunStatus.Succeeded));
        var every = ShotsAfter(history.First(r => r.Job == "every" && r.Status == RunStatus.Succeeded));
        // The app's start, the fill and the click: the job added without a choice keeps the screen it ended on.
        Assert.Equal(3, fewer.Count);
        Assert.Equal([null, null, "shots/003-after.png"], fewer);
        Assert.All(every, shot => Assert.NotNull(shot));
    }

    [Fact]
    public async Task Firings_missed_while_no_worker_ran_follow_each_jobs_misfire_policy()
    {
        using var bed = new SchedulerBed();
        // Both jobs are due once, a few seconds from now, while no worker runs (added in-process: a CLI start takes seconds).
        DateTimeOffset due;
        await using (var catalog = await ScheduleCatalog.OpenAsync(ScheduleStore.Resolve(bed.Data, null, _ => null), CancellationToken.None))
        {
            due = DateTimeOffset.UtcNow.AddSeconds(3);
            var once = new JobSpec { Name = "catch-up", Scenario = SchedulerBed.Scenario("sign-up.yaml"), Cron = SchedulerBed.Once(due), Misfire = MisfirePolicy.RunOnce };
            await catalog.AddAsync(once, false, CancellationToken.None);
            await catalog.AddAsync(once with { Name = "skipper", Misfire = MisfirePolicy.Skip }, false, CancellationToken.None);
        }
        var wait = due.AddSeconds(4) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);

        await using var worker = bed.StartWorker("--misfire-threshold", "2s");
        var history = await bed.WaitForAsync(runs =>
            runs.Any(r => r.Job == "catch-up" && r.Status == RunStatus.Succeeded) && runs.Any(r => r.Job == "skipper"), Patience, worker);
        await Task.Delay(TimeSpan.FromSeconds(3));
        history = await bed.HistoryAsync();
        worker.Signal("TERM");
        await worker.WaitAsync(Patience);

        var detail = SchedulerBed.Describe(history);
        var caughtUp = Assert.Single(history, r => r.Job == "catch-up");
        Assert.True(caughtUp.Cause == "misfire", detail);
        var skipped = Assert.Single(history, r => r.Job == "skipper");
        Assert.True(skipped.Status == RunStatus.Skipped, detail);
        Assert.Null(skipped.Recording);
    }

    [Fact]
    public async Task Sigterm_during_a_job_records_it_interrupted_with_its_recording_intact()
    {
        using var bed = new SchedulerBed();
        await bed.ScheduleAsync(SchedulerBed.Scenario("slow-sign-up.yaml"), "--cron", "0 0 0 1 1 ? 2099", "--name", "slow");
        Assert.Equal(0, (await bed.AgentAsync("schedule", "run-now", "slow")).ExitCode);

        await using var worker = bed.StartWorker("--grace", "2s");
        // Wait until the run engine has started the recording, then stop the worker.
        await bed.WaitForAsync(runs => runs.Any(r => r.Status == RunStatus.Running && r.Recording is { } folder
            && File.Exists(Path.Combine(folder, "recording.json"))), Patience, worker);
        worker.Signal("TERM");
        Assert.Equal(0, await worker.WaitAsync(Patience));
        Assert.Contains("Grace period over", worker.Output, StringComparison.Ordinal);

        var run = Assert.Single(await bed.HistoryAsync());
        Assert.Equal(RunStatus.Interrupted, run.Status);
        Assert.Contains("SIGTERM", run.Reason, StringComparison.Ordinal);
        using var recording = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Recording!, "recording.json")));
        Assert.Equal("Cancelled", recording.RootElement.GetProperty("summary").GetProperty("finalState").GetString());
        Assert.True(File.Exists(run.Report), "the interrupted run's report was not written");
        Assert.True(File.Exists(Path.Combine(run.Recording!, "log.jsonl")));
    }

    [Fact]
    public async Task A_run_over_its_timeout_is_retried_with_backoff_and_each_failure_is_posted_to_the_webhook()
    {
        using var bed = new SchedulerBed();
        await using var hook = await WebhookReceiver.StartAsync(failFirst: 1);
        await bed.ScheduleAsync(SchedulerBed.Scenario("slow-sign-up.yaml"), "--cron", "0 0 0 1 1 ? 2099", "--name", "too-slow",
            "--timeout", "4s", "--retries", "1", "--retry-delay", "1s");
        Assert.Equal(0, (await bed.AgentAsync("schedule", "run-now", "too-slow")).ExitCode);

        await using var worker = bed.StartWorker("--webhook", hook.Url);
        var history = await bed.WaitForAsync(runs => runs.Count(r => r.Status == RunStatus.TimedOut) == 2, Patience, worker);
        await hook.WaitForAsync(2, Patience);
        worker.Signal("TERM");
        await worker.WaitAsync(Patience);

        var attempts = history.OrderBy(r => r.Attempt).ToList();
        Assert.Equal([1, 2], attempts.Select(r => r.Attempt));
        Assert.Single(attempts.Select(r => r.Firing).Distinct());
        Assert.True(attempts[1].Started - attempts[0].Started >= TimeSpan.FromSeconds(5), "the retry did not wait for the timeout plus its backoff");
        // The receiver refused the first post: the notifier retried it, so both attempts arrived.
        Assert.Equal(attempts.Select(r => r.RunId).Order(), hook.Received.Select(p => p.GetProperty("run").GetString()!).Distinct().Order());
        Assert.All(hook.Received, p =>
        {
            Assert.Equal("too-slow", p.GetProperty("job").GetString());
            Assert.Equal("timed-out", p.GetProperty("outcome").GetString());
            Assert.False(string.IsNullOrEmpty(p.GetProperty("recording").GetString()));
            // A run cancelled before its first step has no report; one cancelled later has one.
            if (p.GetProperty("report").GetString() is { } report) Assert.EndsWith("report.html", report, StringComparison.Ordinal);
        });
    }
}
