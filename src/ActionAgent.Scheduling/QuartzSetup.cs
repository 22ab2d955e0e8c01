using Quartz;

namespace ActionAgent.Scheduling;

/// <summary>
/// Quartz configured on the store: its ADO job store (SQLite, or PostgreSQL with clustering), the schema Quartz ships
/// for that database created when missing, and the thread pool sized to the worker's concurrency.
/// </summary>
internal static class QuartzSetup
{
    /// <summary>Every worker and client of one store shares this scheduler name (Quartz's <c>SCHED_NAME</c>).</summary>
    public const string SchedulerName = "actionagent";

    public static void Configure(IQuartzBuilder quartz, ScheduleStore store, QuartzTuning tuning)
    {
        quartz.ConfigureScheduler(options =>
        {
            options.InstanceName = SchedulerName;
            if (store.Kind == StoreKind.Postgres)
            {
                options.InstanceId = tuning.InstanceId;
            }
            options.IdleWaitTime = TimeSpan.FromSeconds(1);
        });
        quartz.UseDefaultThreadPool(Math.Max(1, tuning.Concurrency));
        quartz.UsePersistentStore(persistent =>
        {
            if (store.Kind == StoreKind.Sqlite) persistent.UseSqlite(store.ConnectionString);
            else persistent.UsePostgres(store.ConnectionString);
            persistent.ProvisionSchema();
            persistent.ConfigureStore(options => options.MisfireThreshold = tuning.MisfireThreshold);
            if (store.Kind == StoreKind.Postgres)
            {
                persistent.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = tuning.CheckinInterval;
                    cluster.CheckinMisfireThreshold = tuning.CheckinInterval * 2;
                });
            }
        });
    }
}

/// <summary>The few Quartz settings a worker chooses.</summary>
/// <param name="InstanceId">This node's id in a cluster.</param>
/// <param name="Concurrency">Jobs at once (browser contexts).</param>
/// <param name="MisfireThreshold">How late a firing may be before it counts as missed.</param>
/// <param name="CheckinInterval">How often a clustered node says it is alive; twice this without one and another node recovers its jobs.</param>
internal sealed record QuartzTuning(string InstanceId, int Concurrency, TimeSpan MisfireThreshold, TimeSpan CheckinInterval);
