namespace ActionAgent.Scheduling.Tests;

/// <summary>Bad input and a broken environment are named, with exit code 2 or 3 and no stack trace.</summary>
public sealed class ScheduleErrorTests
{
    [Theory]
    [InlineData("sign-up.yaml", "0/5 * * * *", "UTC", "--cron")]            // Unix cron: five fields
    [InlineData("sign-up.yaml", "0 61 * * * ?", "UTC", "--cron")]           // minute out of range
    [InlineData("sign-up.yaml", "0 0 6 * * ?", "Mars/Olympus", "Mars/Olympus")]
    [InlineData("no-such-scenario.yaml", "0 0 6 * * ?", "UTC", "no-such-scenario.yaml")]
    public async Task Schedule_add_names_a_bad_cron_an_unknown_time_zone_or_a_missing_file_with_exit_code_2(string file, string cron, string zone, string named)
    {
        using var bed = new SchedulerBed();
        var (code, output) = await bed.AgentAsync("schedule", "add", SchedulerBed.Scenario(file), "--cron", cron, "--timezone", zone);
        Assert.True(code == 2, output);
        Assert.Contains("error: ", output, StringComparison.Ordinal);
        Assert.Contains(named, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_named_with_exit_code_3()
    {
        using var bed = new SchedulerBed();
        var (code, output) = await bed.AgentAsync("schedule", "list", "--store", "Host=127.0.0.1;Port=9;Database=jobs;Username=agent;Password=hunter2;Timeout=3");
        Assert.True(code == 3, output);
        Assert.Contains("cannot reach the schedule store (PostgreSQL 127.0.0.1:9/jobs)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strict_worker_without_a_jobs_secret_refuses_to_start_naming_the_job_and_the_variable()
    {
        using var bed = new SchedulerBed();
        var (added, addOutput) = await bed.AgentAsync("schedule", "add", SchedulerBed.Scenario("needs-secret.yaml"), "--cron", "0 0 6 * * ?");
        Assert.True(added == 0, addOutput);
        Assert.Contains("ACTIONAGENT_TEST_MISSING_TOKEN", addOutput, StringComparison.Ordinal); // a warning where it is added

        var (code, output) = await bed.AgentAsync("worker", "--no-vision", "--strict");
        Assert.True(code == 3, output);
        Assert.Contains("job needs-secret", output, StringComparison.Ordinal);
        Assert.Contains("ACTIONAGENT_TEST_MISSING_TOKEN", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_missing_its_secret_does_not_stop_the_worker_and_each_run_now_is_its_own_firing_recorded_as_an_error()
    {
        using var bed = new SchedulerBed();
        await bed.ScheduleAsync(SchedulerBed.Scenario("needs-secret.yaml"), "--cron", "0 0 0 1 1 ? 2099");
        // Two run-now calls at once (usually within the same second): two firings, not one.
        var calls = await Task.WhenAll(bed.AgentAsync("schedule", "run-now", "needs-secret"), bed.AgentAsync("schedule", "run-now", "needs-secret"));
        Assert.All(calls, c => Assert.True(c.ExitCode == 0, c.Output));

        await using var worker = bed.StartWorker();
        var runs = await bed.WaitForAsync(r => r.Count(e => e.Status == RunStatus.Error) == 2, TimeSpan.FromSeconds(90), worker);

        Assert.All(runs, r => Assert.Contains("ACTIONAGENT_TEST_MISSING_TOKEN", r.Reason, StringComparison.Ordinal));
        Assert.Equal(2, runs.Select(r => r.Firing).Distinct().Count());
        Assert.False(worker.HasExited, worker.Output);
        Assert.Contains("job needs-secret", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_secrets_file_others_can_read_is_refused()
    {
        using var bed = new SchedulerBed();
        Directory.CreateDirectory(bed.Data);
        var file = Path.Combine(bed.Data, "secrets.env");
        await File.WriteAllTextAsync(file, "ACTIONAGENT_TEST_MISSING_TOKEN=s3cret\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var (code, output) = await bed.AgentAsync("worker", "--no-vision", "--secrets", file);
        Assert.True(code == 3, output);
        Assert.Contains("chmod 600", output, StringComparison.Ordinal);
    }
}
