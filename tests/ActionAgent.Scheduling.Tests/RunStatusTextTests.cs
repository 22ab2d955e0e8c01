using ActionAgent.Scheduling;
using Microsoft.Data.Sqlite;

namespace ActionAgent.Scheduling.Tests;

/// <summary>
/// The run history's status became an enum; the database, the webhook and <c>agent history</c> keep the words they
/// had (alerts and scripts match on them), and rows written before still read.
/// </summary>
public sealed class RunStatusTextTests
{
    public static TheoryData<RunStatus, string> Words => new()
    {
        { RunStatus.Running, "running" },
        { RunStatus.Succeeded, "succeeded" },
        { RunStatus.Failed, "failed" },
        { RunStatus.TimedOut, "timed-out" },
        { RunStatus.Interrupted, "interrupted" },
        { RunStatus.Skipped, "skipped" },
        { RunStatus.Error, "error" },
        { RunStatus.Cancelled, "cancelled" },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Each_status_has_the_word_it_had_as_a_string(RunStatus status, string word)
    {
        Assert.Equal(word, status.ToText());
        Assert.True(RunStatusText.TryParse(word, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Fact]
    public void Every_status_has_a_pinned_word()
    {
        var pinned = Words.Select(row => (RunStatus)row[0]).ToHashSet();
        Assert.All(Enum.GetValues<RunStatus>(), status => Assert.Contains(status, pinned));
    }

    [Fact]
    public void Failures_are_failed_timed_out_interrupted_and_error()
    {
        Assert.Equal([RunStatus.Failed, RunStatus.TimedOut, RunStatus.Interrupted, RunStatus.Error], Enum.GetValues<RunStatus>().Where(s => s.IsFailure()));
    }

    [Fact]
    public async Task The_history_stores_the_words_and_reads_rows_written_before()
    {
        var folder = Directory.CreateTempSubdirectory("aa-history-").FullName;
        try
        {
            var file = Path.Combine(folder, "schedule.db");
            var history = new RunHistory(ScheduleStore.Sqlite(file, folder));
            await history.EnsureCreatedAsync(CancellationToken.None);
            var started = new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero);
            await history.SaveAsync(Entry("new", RunStatus.TimedOut, started), CancellationToken.None);

            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
            {
                await connection.OpenAsync();
                await using var read = connection.CreateCommand();
                read.CommandText = "SELECT status FROM aa_run_history WHERE run_id = 'new'";
                Assert.Equal("timed-out", await read.ExecuteScalarAsync());
                // A row as an earlier version wrote it, status as text.
                await using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO aa_run_history (run_id, job, firing, cause, attempt, worker, status, started_at)
                    VALUES ('old', 'job', 'job@x', 'schedule', 1, 'w', 'interrupted', '2026-11-28T06:00:00.0000000Z')
                    """;
                await insert.ExecuteNonQueryAsync();
            }

            var runs = await history.ListAsync(null, failedOnly: true, 10, CancellationToken.None);

            Assert.Equal([("new", RunStatus.TimedOut), ("old", RunStatus.Interrupted)], runs.Select(r => (r.RunId, r.Status)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static HistoryEntry Entry(string runId, RunStatus status, DateTimeOffset started) => new()
    {
        RunId = runId, Job = "job", Firing = "job@" + runId, Cause = "schedule", Worker = "w", Status = status, Started = started,
    };
}
