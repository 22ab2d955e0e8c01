using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Scheduling.Tests;

/// <summary>
/// The scheduler is a library: it logs through <c>Microsoft.Extensions.Logging</c> (the caller's
/// <see cref="ILoggerFactory"/>), never Serilog, and each run's events carry the job and run ids as structured properties.
/// </summary>
public sealed class WorkerLoggingTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aa-sched-log-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void The_public_API_takes_no_Serilog_type()
    {
        var serilog = typeof(WorkerHost).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMembers().Select(m => (t, m)))
            .Where(x => Signature(x.m).Any(p => p.Namespace?.StartsWith("Serilog", StringComparison.Ordinal) == true))
            .Select(x => $"{x.t.Name}.{x.m.Name}")
            .ToList();

        Assert.Empty(serilog);
    }

    [Fact]
    public async Task A_run_logs_through_the_callers_logger_factory_with_its_job_and_run_ids_as_properties()
    {
        var store = ScheduleStore.Resolve(_data, null, _ => null);
        var scenario = Path.Combine(_data, "x.yaml"); // the runner below never reads it; the catalog wants it to exist
        await File.WriteAllTextAsync(scenario, "name: x\n");
        await using (var catalog = await ScheduleCatalog.OpenAsync(store, CancellationToken.None))
        {
            await catalog.AddAsync(new JobSpec { Name = "nightly", Scenario = scenario, Cron = "0 0 3 1 1 ? 2099" }, replace: false, CancellationToken.None);
            await catalog.RunNowAsync("nightly", CancellationToken.None);
        }
        var logs = new CapturingLoggerFactory();
        var runner = new LoggingRunner();
        using var host = WorkerHost.Create(store, new WorkerOptions { Checkin = TimeSpan.FromSeconds(1), Grace = TimeSpan.FromSeconds(5) }, runner, logs);

        await host.StartAsync(CancellationToken.None);
        try
        {
            var request = await runner.Called.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!logs.Events.Any(e => e.Message.Contains("succeeded", StringComparison.Ordinal)) && DateTime.UtcNow < deadline) await Task.Delay(100);

            var started = Assert.Single(logs.Events, e => e.Message.StartsWith($"Run {request.RunId} of job nightly started", StringComparison.Ordinal));
            Assert.Equal("nightly", started.Properties["JobId"]);
            Assert.Equal(request.RunId, started.Properties["RunId"]);
            Assert.StartsWith("ActionAgent.Scheduling", started.Category, StringComparison.Ordinal);
            var fromRunner = Assert.Single(logs.Events, e => e.Message == "the runner's own event");
            Assert.Equal("nightly", fromRunner.Properties["JobId"]);
            Assert.Equal(request.RunId, fromRunner.Properties["RunId"]);
            Assert.Contains(logs.Events, e => e.Message.Contains($"Run {request.RunId} of job nightly succeeded", StringComparison.Ordinal));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static IEnumerable<Type> Signature(System.Reflection.MemberInfo member) => member switch
    {
        System.Reflection.MethodBase method => method.GetParameters().Select(p => p.ParameterType)
            .Concat(method is System.Reflection.MethodInfo m ? [m.ReturnType] : []),
        System.Reflection.PropertyInfo property => [property.PropertyType],
        System.Reflection.FieldInfo field => [field.FieldType],
        _ => [],
    };

    private sealed class LoggingRunner : IScenarioRunner
    {
        public TaskCompletionSource<ScenarioRunRequest> Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ScenarioRunOutcome> RunAsync(ScenarioRunRequest request, CancellationToken cancellationToken)
        {
            request.Logger.LogInformation("the runner's own event");
            Called.TrySetResult(request);
            return Task.FromResult(new ScenarioRunOutcome { Status = RunStatus.Succeeded, Recording = request.RecordingFolder });
        }
    }
}

/// <summary>The <c>agent worker</c> composition root: Serilog under Microsoft.Extensions.Logging, the ids kept as properties (in the worker's log and each run's).</summary>
public sealed class WorkerLogFileTests
{
    [Fact]
    public async Task The_worker_log_file_carries_each_runs_job_and_run_ids_and_the_worker_id_as_properties()
    {
        using var bed = new SchedulerBed();
        await bed.ScheduleAsync(SchedulerBed.Scenario("sign-up.yaml"), "--cron", "0 0 0 1 1 ? 2099", "--name", "logged");
        Assert.Equal(0, (await bed.AgentAsync("schedule", "run-now", "logged")).ExitCode);

        await using var worker = bed.StartWorker();
        var history = await bed.WaitForAsync(runs => runs.Any(r => r.Status != RunStatus.Running), TimeSpan.FromMinutes(4), worker);
        worker.Signal("TERM");
        await worker.WaitAsync(TimeSpan.FromMinutes(2));

        var run = Assert.Single(history);
        var log = Directory.GetFiles(Path.Combine(bed.Data, "logs"), "worker-*.jsonl").Single();
        var started = File.ReadLines(log).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Single(e => e.GetProperty("@mt").GetString()!.StartsWith("Run {RunId} of job {JobId} started", StringComparison.Ordinal));
        Assert.Equal("logged", started.GetProperty("JobId").GetString());
        Assert.Equal(run.RunId, started.GetProperty("RunId").GetString());
        Assert.Equal(run.Worker, started.GetProperty("WorkerId").GetString());
        Assert.Equal("ActionAgent.Scheduling.ScenarioJob", started.GetProperty("SourceContext").GetString());
        // The run's own log.jsonl: the engine's events (Microsoft.Extensions.Logging in Core) carry the same ids.
        var step = File.ReadLines(Path.Combine(run.Recording!, "log.jsonl")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .First(e => e.GetProperty("@mt").GetString() == "Step {Index} {Action} on {Target}");
        Assert.Equal("logged", step.GetProperty("JobId").GetString());
        Assert.Equal(run.RunId, step.GetProperty("RunId").GetString());
        Assert.Equal("ActionAgent.Core.Engine.RunEngine", step.GetProperty("SourceContext").GetString());
    }
}
