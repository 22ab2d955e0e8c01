using Quartz;

namespace ActionAgent.Scheduling;

/// <summary>
/// What <c>agent schedule</c> does: adds, lists, removes, pauses, resumes and fires jobs in the store, through a Quartz
/// scheduler that is never started (it only reads and writes the store; workers run the jobs).
/// </summary>
public sealed class ScheduleCatalog : IAsyncDisposable
{
    private readonly IScheduler _scheduler;
    private readonly ScheduleStore _store;

    private ScheduleCatalog(IScheduler scheduler, ScheduleStore store)
    {
        _scheduler = scheduler;
        _store = store;
    }

    /// <summary>Opens the store, creating Quartz's tables and the history's on first use.</summary>
    /// <exception cref="ScheduleException">The store cannot be reached.</exception>
    public static async Task<ScheduleCatalog> OpenAsync(ScheduleStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await new RunHistory(store).EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var tuning = new QuartzTuning("client-" + Guid.NewGuid().ToString("N")[..8], 1, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));
        try
        {
            var scheduler = await QuartzSchedulerBuilder.Create(q => QuartzSetup.Configure(q, store, tuning)).BuildScheduler(cancellationToken).ConfigureAwait(false);
            // Reading once makes the store check (and create) its schema now, not at the first command.
            await scheduler.GetJobGroupNames(cancellationToken).ConfigureAwait(false);
            return new ScheduleCatalog(scheduler, store);
        }
        catch (SchedulerException e)
        {
            throw RunHistory.StoreUnreachable(store, e);
        }
    }

    /// <summary>The store this catalog works on.</summary>
    public ScheduleStore Store => _store;

    /// <summary>Adds a job, or replaces the one with the same name when <paramref name="replace"/> is set.</summary>
    /// <exception cref="ScheduleException">A bad cron expression or time zone, a missing scenario, or a name in use.</exception>
    public async Task<DateTimeOffset?> AddAsync(JobSpec spec, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var trigger = BuildTrigger(spec);
        if (trigger.GetFireTimeAfter(TimeProvider.System.GetUtcNow()) is null)
        {
            throw new ScheduleException(ScheduleErrorKind.BadInput, $"--cron: '{spec.Cron}' never fires again (its last time is past).");
        }
        if (!File.Exists(spec.Scenario)) throw new ScheduleException(ScheduleErrorKind.BadInput, $"{spec.Scenario}: the scenario file does not exist.");
        var job = JobBuilder.Create<ScenarioJob>()
            .WithIdentity(spec.Key)
            .WithDescription(spec.Scenario)
            .UsingJobData(spec.ToJobData())
            .RequestRecovery()
            .Build();
        if (!replace && await _scheduler.Exists(spec.Key, cancellationToken).ConfigureAwait(false))
        {
            throw new ScheduleException(ScheduleErrorKind.BadInput, $"a job named '{spec.Name}' already exists (agent schedule remove {spec.Name}, or add --replace).");
        }
        try
        {
            await _scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (SchedulerException e) when (e is not JobPersistenceException)
        {
            throw new ScheduleException(ScheduleErrorKind.BadInput, $"job '{spec.Name}': {e.Message}", e);
        }
        return trigger.GetFireTimeAfter(TimeProvider.System.GetUtcNow());
    }

    /// <summary>Every job with its state and next fire time.</summary>
    public async Task<IReadOnlyList<JobSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var keys = await _scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobSpec.Group), cancellationToken).ConfigureAwait(false);
        var jobs = new List<JobSummary>();
        foreach (var key in keys.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var detail = await _scheduler.GetJobDetail(key, cancellationToken).ConfigureAwait(false);
            if (detail is null) continue;
            var trigger = await _scheduler.GetTrigger(new TriggerKey(key.Name, JobSpec.Group), cancellationToken).ConfigureAwait(false);
            var state = trigger is null ? TriggerState.None : await _scheduler.GetTriggerState(trigger.Key, cancellationToken).ConfigureAwait(false);
            jobs.Add(new JobSummary(JobSpec.FromJobData(key.Name, detail.JobDataMap), state.ToString().ToLowerInvariant(),
                trigger?.NextFireTimeUtc, trigger?.PreviousFireTimeUtc));
        }
        return jobs;
    }

    /// <summary>The job's definition.</summary>
    /// <exception cref="ScheduleException">No job has that name.</exception>
    public async Task<JobSpec> GetAsync(string name, CancellationToken cancellationToken)
    {
        var detail = await _scheduler.GetJobDetail(new JobKey(name, JobSpec.Group), cancellationToken).ConfigureAwait(false)
                     ?? throw NoSuchJob(name);
        return JobSpec.FromJobData(name, detail.JobDataMap);
    }

    /// <summary>Removes a job (its history stays).</summary>
    public async Task RemoveAsync(string name, CancellationToken cancellationToken)
    {
        if (!await _scheduler.DeleteJob(new JobKey(name, JobSpec.Group), cancellationToken).ConfigureAwait(false)) throw NoSuchJob(name);
    }

    /// <summary>Pauses a job: no firing until it is resumed (firings due meanwhile follow its misfire policy).</summary>
    public async Task PauseAsync(string name, CancellationToken cancellationToken)
    {
        await GetAsync(name, cancellationToken).ConfigureAwait(false);
        await _scheduler.PauseJob(new JobKey(name, JobSpec.Group), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resumes a paused job.</summary>
    public async Task ResumeAsync(string name, CancellationToken cancellationToken)
    {
        await GetAsync(name, cancellationToken).ConfigureAwait(false);
        await _scheduler.ResumeJob(new JobKey(name, JobSpec.Group), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fires a job once now (the next free worker runs it).</summary>
    public async Task RunNowAsync(string name, CancellationToken cancellationToken)
    {
        await GetAsync(name, cancellationToken).ConfigureAwait(false);
        await _scheduler.TriggerJob(new JobKey(name, JobSpec.Group), new JobDataMap { ["cause"] = "run-now" }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks a job's cron expression and time zone without opening the store.</summary>
    /// <exception cref="ScheduleException">The expression does not parse, or the time zone is unknown.</exception>
    public static void Validate(JobSpec spec) => BuildTrigger(spec);

    /// <summary>Checks a cron expression and time zone, and builds the job's trigger.</summary>
    /// <exception cref="ScheduleException">The expression does not parse, or the time zone is unknown.</exception>
    internal static ITrigger BuildTrigger(JobSpec spec)
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(spec.TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ScheduleException(ScheduleErrorKind.BadInput, $"--timezone: unknown time zone '{spec.TimeZone}' (use an IANA id such as Europe/Paris or UTC).");
        }
        try
        {
            _ = new CronExpression(spec.Cron);
        }
        catch (FormatException e)
        {
            throw new ScheduleException(ScheduleErrorKind.BadInput,
                $"--cron: '{spec.Cron}' is not a cron expression: {e.Message} (Quartz cron has seconds first: \"0 0/5 * * * ?\" is every five minutes).");
        }
        var instruction = spec.Misfire == MisfirePolicy.Skip ? CronTriggerMisfireInstruction.DoNothing : CronTriggerMisfireInstruction.FireAndProceed;
        return TriggerBuilder.Create()
            .WithIdentity(spec.TriggerKey)
            .ForJob(spec.Key)
            .WithCronSchedule(spec.Cron, cron => cron.InTimeZone(zone).WithMisfireInstruction(instruction))
            .Build();
    }

    private static ScheduleException NoSuchJob(string name) =>
        new(ScheduleErrorKind.BadInput, $"no job named '{name}' (agent schedule list shows the jobs).");

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _scheduler.Shutdown(false, CancellationToken.None).ConfigureAwait(false);
}
