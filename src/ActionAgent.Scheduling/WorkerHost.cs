using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ActionAgent.Scheduling;

/// <summary>
/// Builds the worker: a generic host (SIGTERM and SIGINT stop it; under systemd it reports readiness) with Quartz on the
/// store, <see cref="ScenarioJob"/> for every job, and the graceful shutdown of <see cref="WorkerService"/>.
/// </summary>
public static class WorkerHost
{
    /// <summary>Creates the host; run it with <c>RunAsync</c>.</summary>
    public static IHost Create(ScheduleStore store, WorkerOptions options, IScenarioRunner runner, Serilog.ILogger log, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Services.AddSerilogLogging(log);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.Grace + TimeSpan.FromSeconds(60));
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(runner);
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton<WorkerRuntime>();
        builder.Services.AddSingleton(new RunHistory(store));
        builder.Services.AddSingleton(_ => new WebhookNotifier(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, options.Webhook, options.NotifyFailuresOnly, log));
        builder.Services.AddTransient<ScenarioJob>();
        builder.Services.AddSingleton<MisfireRecorder>();
        var tuning = new QuartzTuning(options.WorkerId, options.Concurrency, options.MisfireThreshold, options.Checkin);
        builder.Services.AddQuartz(q =>
        {
            QuartzSetup.Configure(q, store, tuning);
            q.AddTriggerListener<MisfireRecorder>([]);
        });
        builder.Services.AddHostedService<WorkerService>();
        return builder.Build();
    }
}
