using System.Data.Common;
using System.Globalization;

namespace ActionAgent.Scheduling;

/// <summary>
/// The run history (<c>aa_run_history</c>) and the worker registry (<c>aa_workers</c>), in the same database as
/// Quartz's tables, so a cluster has one history. Plain SQL both SQLite and PostgreSQL accept.
/// </summary>
public sealed class RunHistory(ScheduleStore store)
{
    private const string Columns = "run_id, job, firing, cause, attempt, worker, status, started_at, duration_ms, failed_step, reason, recording, report";

    /// <summary>Creates the tables if they are missing.</summary>
    /// <exception cref="ScheduleException">The database cannot be reached.</exception>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        if (store.Kind == StoreKind.Sqlite) await ExecuteAsync(connection, "PRAGMA journal_mode=WAL", [], cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS aa_run_history (
              run_id TEXT PRIMARY KEY, job TEXT NOT NULL, firing TEXT NOT NULL, cause TEXT NOT NULL, attempt INTEGER NOT NULL,
              worker TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL, duration_ms BIGINT NULL,
              failed_step INTEGER NULL, reason TEXT NULL, recording TEXT NULL, report TEXT NULL)
            """, [], cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "CREATE INDEX IF NOT EXISTS aa_run_history_job ON aa_run_history (job, started_at)", [], cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS aa_workers (
              worker_id TEXT PRIMARY KEY, host TEXT NOT NULL, pid INTEGER NOT NULL, started_at TEXT NOT NULL,
              last_seen TEXT NOT NULL, concurrency INTEGER NOT NULL, running INTEGER NOT NULL, state TEXT NOT NULL)
            """, [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a run as started (status <c>running</c>), or its end when called again with the same run id.</summary>
    public async Task SaveAsync(HistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        await ExecuteAsync(connection, $"""
            INSERT INTO aa_run_history ({Columns})
            VALUES (@run_id, @job, @firing, @cause, @attempt, @worker, @status, @started_at, @duration_ms, @failed_step, @reason, @recording, @report)
            ON CONFLICT (run_id) DO UPDATE SET status = excluded.status, duration_ms = excluded.duration_ms,
              failed_step = excluded.failed_step, reason = excluded.reason, recording = excluded.recording, report = excluded.report
            """,
            [
                ("run_id", entry.RunId), ("job", entry.Job), ("firing", entry.Firing), ("cause", entry.Cause), ("attempt", entry.Attempt),
                ("worker", entry.Worker), ("status", entry.Status.ToText()), ("started_at", Stamp(entry.Started)),
                ("duration_ms", entry.Duration is { } d ? (long)d.TotalMilliseconds : null), ("failed_step", entry.FailedStep),
                ("reason", entry.Reason), ("recording", entry.Recording), ("report", entry.Report),
            ], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs, newest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> ListAsync(string? job, bool failedOnly, int limit, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        var where = new List<string>();
        if (job is not null)
        {
            where.Add("job = @job");
            Add(command, "job", job);
        }
        if (failedOnly) where.Add($"status IN ('{RunStatus.Failed.ToText()}', '{RunStatus.TimedOut.ToText()}', '{RunStatus.Interrupted.ToText()}', '{RunStatus.Error.ToText()}')");
        command.CommandText = $"SELECT {Columns} FROM aa_run_history {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY started_at DESC, attempt DESC LIMIT {limit.ToString(CultureInfo.InvariantCulture)}";
        var entries = new List<HistoryEntry>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new HistoryEntry
            {
                RunId = reader.GetString(0), Job = reader.GetString(1), Firing = reader.GetString(2), Cause = reader.GetString(3),
                Attempt = Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture), Worker = reader.GetString(5), Status = StatusOf(reader.GetString(6)),
                Started = DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture),
                Duration = reader.IsDBNull(8) ? null : TimeSpan.FromMilliseconds(Convert.ToInt64(reader.GetValue(8), CultureInfo.InvariantCulture)),
                FailedStep = reader.IsDBNull(9) ? null : Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture),
                Reason = reader.IsDBNull(10) ? null : reader.GetString(10),
                Recording = reader.IsDBNull(11) ? null : reader.GetString(11),
                Report = reader.IsDBNull(12) ? null : reader.GetString(12),
            });
        }
        return entries;
    }

    /// <summary>
    /// Marks runs still <c>running</c> as interrupted when their worker is gone: <paramref name="firing"/> given, the
    /// runs of that firing (a job another worker recovered); else the runs of workers not seen since <paramref name="staleBefore"/>.
    /// </summary>
    public async Task<int> MarkInterruptedAsync(string? firing, DateTimeOffset staleBefore, string reason, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var sql = firing is not null
            ? "UPDATE aa_run_history SET status = @status, reason = @reason WHERE status = 'running' AND firing = @firing"
            : "UPDATE aa_run_history SET status = @status, reason = @reason WHERE status = 'running' AND worker NOT IN (SELECT worker_id FROM aa_workers WHERE last_seen >= @stale AND state = 'running')";
        return await ExecuteAsync(connection, sql,
            [("status", RunStatus.Interrupted.ToText()), ("reason", reason), ("firing", firing), ("stale", Stamp(staleBefore))], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a worker's heartbeat: alive, how many runs it has, whether it is stopping.</summary>
    public async Task HeartbeatAsync(WorkerStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        await ExecuteAsync(connection, """
            INSERT INTO aa_workers (worker_id, host, pid, started_at, last_seen, concurrency, running, state)
            VALUES (@id, @host, @pid, @started, @seen, @concurrency, @running, @state)
            ON CONFLICT (worker_id) DO UPDATE SET last_seen = excluded.last_seen, running = excluded.running, state = excluded.state
            """,
            [("id", status.WorkerId), ("host", status.Host), ("pid", status.Pid), ("started", Stamp(status.Started)), ("seen", Stamp(status.LastSeen)),
             ("concurrency", status.Concurrency), ("running", status.Running), ("state", status.State)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every worker that has run against this store, most recently seen first.</summary>
    public async Task<IReadOnlyList<WorkerStatus>> WorkersAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = "SELECT worker_id, host, pid, started_at, last_seen, concurrency, running, state FROM aa_workers ORDER BY last_seen DESC";
        var workers = new List<WorkerStatus>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            workers.Add(new WorkerStatus(reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture), DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture), reader.GetString(7)));
        }
        return workers;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = store.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is DbException or System.Net.Sockets.SocketException or InvalidOperationException or TimeoutException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw StoreUnreachable(store, e);
        }
    }

    /// <summary>The error for a store that cannot be opened, naming it (never its password).</summary>
    public static ScheduleException StoreUnreachable(ScheduleStore store, Exception e)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(e);
        var inner = e;
        while (inner.InnerException is not null && inner is not DbException) inner = inner.InnerException;
        return new ScheduleException(ScheduleErrorKind.Environment, $"cannot reach the schedule store ({store.Describe()}): {inner.Message}", e);
    }

    private static RunStatus StatusOf(string text) => RunStatusText.TryParse(text, out var status) ? status
        : throw new InvalidDataException($"The run history holds a status this version does not know: '{text}'.");

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains("@" + name, StringComparison.Ordinal)) Add(command, name, value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }
}
