using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Scheduling;

/// <summary>
/// Posts each finished run (or only the failures) as JSON to a webhook, retrying with backoff when the receiver
/// fails or cannot be reached. A notification that still fails is logged, never allowed to fail the job.
/// </summary>
public sealed class WebhookNotifier(HttpClient http, Uri? url, bool failuresOnly, ILogger log, int attempts = 4, TimeSpan? firstDelay = null)
{
    /// <summary>Sends the notification for a run, if the worker has a webhook and the run qualifies.</summary>
    public async Task NotifyAsync(HistoryEntry run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (url is null || (failuresOnly && !run.Status.IsFailure())) return;
        var payload = new
        {
            job = run.Job,
            run = run.RunId,
            outcome = run.Status.ToText(),
            attempt = run.Attempt,
            started = run.Started,
            duration_ms = run.Duration is { } d ? (long?)d.TotalMilliseconds : null,
            failed_step = run.FailedStep,
            reason = run.Reason,
            report = run.Report,
            recording = run.Recording,
            worker = run.Worker,
        };
        var delay = firstDelay ?? TimeSpan.FromSeconds(1);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                using var response = await http.PostAsJsonAsync(url, payload, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    log.LogInformation("Webhook notified of run {RunId} ({Outcome})", run.RunId, run.Status.ToText());
                    return;
                }
                log.LogWarning("Webhook answered {StatusCode} for run {RunId} (attempt {Attempt} of {Attempts})", (int)response.StatusCode, run.RunId, attempt, attempts);
            }
            catch (HttpRequestException e)
            {
                log.LogWarning("Webhook unreachable for run {RunId}: {Error} (attempt {Attempt} of {Attempts})", run.RunId, e.Message, attempt, attempts);
            }
            if (attempt < attempts)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }
        }
        log.LogError("Webhook gave up on run {RunId} after {Attempts} attempts", run.RunId, attempts);
    }
}
