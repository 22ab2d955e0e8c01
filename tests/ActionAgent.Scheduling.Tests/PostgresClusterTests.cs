namespace ActionAgent.Scheduling.Tests;

/// <summary>Scale-out: two workers on one PostgreSQL store form a Quartz cluster.</summary>
public sealed class PostgresClusterTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(7);

    [SkippableFact]
    public async Task Two_workers_on_one_store_run_each_of_fifty_firings_exactly_once()
    {
        Skip.If(postgres.Missing is not null, postgres.Missing);
        using var bed = new SchedulerBed(await postgres.NewDatabaseAsync());
        var store = ScheduleStore.Resolve(bed.Data, bed.Store, _ => null);
        const int Jobs = 25;
        // 25 jobs, each firing twice (every 20 seconds from the next 20-second mark): 50 firings due while both workers run.
        await using (var catalog = await ScheduleCatalog.OpenAsync(store, CancellationToken.None))
        {
            for (var i = 0; i < Jobs; i++)
            {
                await catalog.AddAsync(new JobSpec { Name = $"ping-{i:00}", Scenario = SchedulerBed.Scenario("ping.yaml"), Cron = "0/20 * * * * ?" }, false, CancellationToken.None);
            }
        }
        await using var a = bed.StartWorker("--concurrency", "2");
        await using var b = bed.StartWorker("--concurrency", "2");
        var history = await bed.WaitForAsync(runs => runs.Count(r => r.Status != RunStatus.Running) >= 2 * Jobs, Patience, a, b);
        // Pause every job so no third firing starts, then let the runs in progress end.
        await using (var catalog = await ScheduleCatalog.OpenAsync(store, CancellationToken.None))
        {
            foreach (var job in await catalog.ListAsync(CancellationToken.None)) await catalog.PauseAsync(job.Spec.Name, CancellationToken.None);
        }
        a.Signal("TERM");
        b.Signal("TERM");
        await Task.WhenAll(a.WaitAsync(Patience), b.WaitAsync(Patience));

        history = await bed.HistoryAsync();
        var detail = SchedulerBed.Describe(history);
        Assert.True(history.Count >= 2 * Jobs, detail);
        // Exactly once: one run per firing, none lost to a failure or an interruption, and the two workers shared the work.
        Assert.True(history.GroupBy(r => r.Firing).All(g => g.Count() == 1), detail);
        Assert.True(history.All(r => r.Status == RunStatus.Succeeded), detail);
        Assert.True(history.GroupBy(r => r.Worker).Count() == 2, "one worker ran every job:\n" + detail);
    }

    [SkippableFact]
    public async Task A_job_whose_worker_is_killed_is_recovered_and_completed_by_the_other_worker()
    {
        Skip.If(postgres.Missing is not null, postgres.Missing);
        using var bed = new SchedulerBed(await postgres.NewDatabaseAsync());
        await bed.ScheduleAsync(SchedulerBed.Scenario("sign-up.yaml"), "--cron", "0 0 0 1 1 ? 2099", "--name", "survivor");
        await using var doomed = bed.StartWorker();
        Assert.Equal(0, (await bed.AgentAsync("schedule", "run-now", "survivor")).ExitCode);
        var started = await bed.WaitForAsync(runs => runs.Any(r => r.Status == RunStatus.Running), Patience, doomed);
        doomed.Signal("KILL");
        await doomed.WaitAsync(Patience);
        var lost = Assert.Single(started);

        await using var rescuer = bed.StartWorker();
        var history = await bed.WaitForAsync(runs => runs.Any(r => r.Status == RunStatus.Succeeded), Patience, rescuer);
        rescuer.Signal("TERM");
        await rescuer.WaitAsync(Patience);

        history = await bed.HistoryAsync();
        var detail = SchedulerBed.Describe(history);
        var recovered = Assert.Single(history, r => r.Status == RunStatus.Succeeded);
        Assert.True(recovered.Cause == "recovered" && recovered.Worker != lost.Worker && recovered.Firing == lost.Firing, detail);
        var killed = Assert.Single(history, r => r.RunId == lost.RunId);
        Assert.True(killed.Status == RunStatus.Interrupted, detail);
        Assert.Equal(2, history.Count);
    }
}
