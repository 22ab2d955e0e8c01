using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Secrets;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Core.Replay;

/// <summary>
/// Replays a recording without any model: each step's target is resolved through its recorded layers (the first
/// layer alone first; the others only when it fails, which is a <see cref="ReplayHeal"/>), the step acts through the
/// <see cref="IUiDriver"/>, and its recorded checks are verified before the next step starts. The engine depends on
/// the driver, an optional approval gate and the clock only: it has no planner, verifier or locator to call.
/// </summary>
public sealed partial class ReplayEngine
{
    private readonly IUiDriver _driver;
    private readonly ReplayOptions _options;
    private readonly CheckVerifier _checks;
    private readonly ILogger _log;

    /// <summary>Creates an engine over a driver.</summary>
    public ReplayEngine(IUiDriver driver, ReplayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var guarded = Engine.AbandoningUiDriver.Wrap(driver);
        _driver = guarded;
        _options = options ?? new ReplayOptions();
        _checks = new CheckVerifier(guarded, guarded.Probe, _options.Time);
        _log = _options.LoggerFactory.CreateLogger<ReplayEngine>();
    }

    /// <summary>
    /// What would stop a recording from replaying with these options (an unknown action, a parameter the recording
    /// does not have, an unset secret), as messages naming the step or field; empty when it can replay.
    /// </summary>
    public static IReadOnlyList<string> Preflight(RecordingDocument recording, ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (recording.Version != RecordingDocument.CurrentVersion)
        {
            problems.Add($"version: \"{recording.Version}\" is not a recording version this agent reads (it reads \"{RecordingDocument.CurrentVersion}\").");
        }
        foreach (var name in options.Parameters.Keys.Where(k => !recording.Header.Inputs.ContainsKey(k)))
        {
            var known = recording.Header.Inputs.Count == 0 ? "it has none" : "it has " + string.Join(", ", recording.Header.Inputs.Keys);
            problems.Add($"--param {name}: the recording has no input \"{name}\" ({known}).");
        }
        var missingSecrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in recording.Steps)
        {
            if (!ActionKindNames.TryParse(step.Action, out _))
            {
                problems.Add($"steps[{step.Index}].action: \"{step.Action}\" is not an action (one of {string.Join(", ", ActionKindNames.All)}).");
            }
            foreach (var (scope, name) in ValueTemplate.Placeholders(step.Value))
            {
                if (scope == "secrets" && !options.Secrets.TryGet(name, out _) && missingSecrets.Add(name))
                {
                    // The recording's own secretSources are never used: a recording must not choose which variables are read.
                    var source = options.SecretSources.TryGetValue(name, out var env)
                        ? $"the environment variable {env} (declared for it) is not set"
                        : $"declare where it comes from with --secret {name}=ENV_VAR or --scenario FILE";
                    problems.Add($"steps[{step.Index}].value: the secret \"{name}\" has no value: {source}.");
                }
                else if (scope == "inputs" && !recording.Header.Inputs.ContainsKey(name) && !options.Parameters.ContainsKey(name))
                {
                    problems.Add($"steps[{step.Index}].value: the input \"{name}\" is not in the recording's header; pass --param {name}=VALUE.");
                }
            }
        }
        return problems;
    }

    /// <summary>Replays every step, stopping at the first failure (the rest are reported as skipped).</summary>
    public async Task<ReplayResult> ReplayAsync(RecordingDocument recording, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var run = new ReplayRun(this, recording);
        return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }
}
