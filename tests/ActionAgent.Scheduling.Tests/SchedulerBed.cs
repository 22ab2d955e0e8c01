namespace ActionAgent.Scheduling.Tests;

/// <summary>
/// One test's scheduler: its own data folder (and store, SQLite there unless a PostgreSQL connection string is given),
/// the agent commands run against it, and the run history read straight from the store.
/// </summary>
internal sealed class SchedulerBed : IDisposable
{
    public SchedulerBed(string? postgres = null)
    {
        Data = Path.Combine(Path.GetTempPath(), "aa-sched-" + Guid.NewGuid().ToString("N")[..8]);
        Store = postgres;
    }

    public string Data { get; }

    public string? Store { get; }

    public static string Scenario(string name) => Path.Combine(AgentProcess.RepositoryRoot, "tests", "ActionAgent.Scheduling.Tests", "Scenarios", name);

    public Dictionary<string, string?> Environment => new()
    {
        ["ACTIONAGENT_DATA"] = Data,
        ["ACTIONAGENT_STORE"] = Store,
    };

    public async Task<(int ExitCode, string Output)> AgentAsync(params string[] args)
    {
        var (exitCode, output) = await AgentProcess.RunAsync(args, Environment, TimeSpan.FromMinutes(2));
        return (exitCode, output);
    }

    public async Task ScheduleAsync(params string[] args)
    {
        var (code, output) = await AgentAsync(["schedule", "add", .. args]);
        Assert.True(code == 0, $"schedule add failed (exit {code}):\n{output}");
    }

    /// <summary>A worker that runs scenarios without the screen check (the runs stay cheap; the scheduling is under test).</summary>
    public AgentProcess StartWorker(params string[] args) => AgentProcess.Start(["worker", "--no-vision", "--checkin", "1s", .. args], Environment);

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync()
    {
        var store = ScheduleStore.Resolve(Data, Store, _ => null);
        return await new RunHistory(store).ListAsync(null, false, 10_000, CancellationToken.None);
    }

    /// <summary>Polls the history until the condition holds; fails with the history and the worker's output if it never does.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> WaitForAsync(Func<IReadOnlyList<HistoryEntry>, bool> condition, TimeSpan timeout, params AgentProcess[] workers)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var runs = await HistoryAsync();
            if (condition(runs)) return runs;
            if (DateTime.UtcNow > deadline || workers.Any(w => w.HasExited))
            {
                Assert.Fail($"history never reached the expected state:\n{Describe(runs)}\n--- workers:\n{string.Join("\n---\n", workers.Select(w => w.Output))}");
            }
            await Task.Delay(500);
        }
    }

    public static string Describe(IEnumerable<HistoryEntry> runs) =>
        string.Join("\n", runs.Select(r => $"{r.Started:HH:mm:ss.fff} {r.Job} {r.RunId} {r.Firing} {r.Cause} #{r.Attempt} {r.Status} {r.Worker} {r.Reason}"));

    /// <summary>A cron expression that fires once, at the given second (UTC).</summary>
    public static string Once(DateTimeOffset at)
    {
        var t = at.UtcDateTime;
        return $"{t.Second} {t.Minute} {t.Hour} {t.Day} {t.Month} ? {t.Year}";
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
