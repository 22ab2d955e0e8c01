using ActionAgent.Core.Ports;
using ActionAgent.Core.Scenarios;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ActionAgent.Core.Engine;

/// <summary>
/// The Polly pipeline around one driver action: retries an action that timed out or found its element not yet
/// actionable (with backoff), and bounds the whole attempt by a hard timeout in case a driver hangs.
/// </summary>
internal static class ActionPipeline
{
    public static ResiliencePipeline<ActionResult> Create(RunPolicy policy, TimeProvider time, Action onRetry, ILogger log, Func<string, string> mask)
    {
        var builder = new ResiliencePipelineBuilder<ActionResult> { TimeProvider = time };
        if (policy.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<ActionResult>
            {
                MaxRetryAttempts = policy.Retries,
                Delay = TimeSpan.FromMilliseconds(250),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder<ActionResult>()
                    .HandleResult(r => !r.Succeeded && r.FailureKind is ActionFailureKind.Timeout or ActionFailureKind.NotActionable)
                    .Handle<TimeoutRejectedException>(),
                OnRetry = args =>
                {
                    onRetry();
                    log.LogInformation("Retrying the action (attempt {Attempt}) after: {Error}",
                        args.AttemptNumber + 2, (args.Outcome.Result?.Error ?? args.Outcome.Exception?.Message) is { } error ? mask(error) : null);
                    return default;
                },
            });
        }
        // The driver honours the step timeout itself; this outer bound only catches a driver that hangs.
        builder.AddTimeout(policy.StepTimeout + TimeSpan.FromSeconds(20));
        return builder.Build();
    }
}
