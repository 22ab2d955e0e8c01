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
    /// <param name="store">Where the jobs and the run history live.</param>
    /// <param name="options">The worker's settings.</param>
    /// <param name="runner">Runs one job's scenario.</param>
    /// <param name="loggerFactory">
    /// Where the worker logs (the <c>agent worker</c> command passes Serilog's, through <c>Serilog.Extensions.Logging</c>):
    /// the worker's own events from information up, each run's events with its <c>JobId</c>, <c>RunId</c> and
    /// <c>Firing</c> as structured properties; Quartz's and the host's from warnings up.
    /// </param>
    /// <param name="time">The clock; the system's by default.</param>
    public static IHost Create(ScheduleStore store, WorkerOptions options, IScenarioRunner runner, ILoggerFactory loggerFactory, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        time ??= TimeProvider.System;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ForwardTo(loggerFactory);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.Grace + TimeSpan.FromSeconds(60));
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(runner);
        builder.Services.AddSingleton<WorkerRuntime>();
        builder.Services.AddSingleton(new RunHistory(store));
        builder.Services.AddSingleton(services => new WebhookNotifier(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, options.Webhook, options.NotifyFailuresOnly,
            services.GetRequiredService<ILogger<WebhookNotifier>>()));
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
