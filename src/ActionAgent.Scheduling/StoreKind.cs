namespace ActionAgent.Scheduling;

/// <summary>The database that holds the schedules and the run history.</summary>
public enum StoreKind
{
    /// <summary>An embedded SQLite file in the data folder: one machine, no setup.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by a cluster of workers.</summary>
    Postgres,
}
