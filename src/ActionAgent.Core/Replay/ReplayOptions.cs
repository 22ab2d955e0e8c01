using ActionAgent.Core.Ports;
using ActionAgent.Core.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Core.Replay;

/// <summary>How <see cref="ReplayEngine"/> replays a recording.</summary>
public sealed record ReplayOptions
{
    /// <summary>Input values that replace the recording's (<c>--param trip.destination="Rome (FCO)"</c>), by input name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The secrets' values, read from the environment variables the user declared (never the recording's own mapping).</summary>
    public SecretVault Secrets { get; init; } = SecretVault.Empty;

    /// <summary>
    /// The environment variable the user declared for each secret (<c>--secret NAME=VAR</c> or the scenario the user
    /// named), used to say what is missing. <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyDictionary<string, string> SecretSources { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the whole replay may take. <value>The default value is null: no limit beyond each step's timeout.</value></summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How the recorded URLs map onto this replay's app (a served site's new port, extra query flags).</summary>
    public ReplayUrls Urls { get; init; } = ReplayUrls.Unchanged;

    /// <summary>Whether a heal lets the step go on. <value>The default value is <c>true</c>; <c>--no-heal</c> makes any heal a failure.</value></summary>
    public bool AllowHeal { get; init; } = true;

    /// <summary>Which steps get a screenshot during replay. <value>The default value is <see cref="ReplayScreenshots.FailuresAndHeals"/>.</value></summary>
    public ReplayScreenshots Screenshots { get; init; } = ReplayScreenshots.FailuresAndHeals;

    /// <summary>How long one step may wait for its target and its checks. <value>The default value is null: the recording's policy (10 s when it has none).</value></summary>
    public TimeSpan? StepTimeout { get; init; }

    /// <summary>
    /// The least time the fast path (the first layer alone) gets before the other layers are walked; a step gets
    /// twice its recorded action time when that is longer. <value>The default value is 1 second.</value>
    /// </summary>
    public TimeSpan FastPathMinimum { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The hosts a secret may be typed on during the replay (the user's allow-list); the driver refuses any other.
    /// <value>The default value is null: no binding beyond the browser's allow-list.</value>
    /// </summary>
    public Policy.AllowList? SecretHosts { get; init; }

    /// <summary>
    /// Step categories, tags or actions the user asks approval for (a scenario's <c>policy.approve</c>), on top of the
    /// recording's own list: a recording can add gates, never remove the user's.
    /// <value>The default value is empty: only the recording's list.</value>
    /// </summary>
    public IReadOnlyList<string> Approve { get; init; } = [];

    /// <summary>Who approves steps the recorded policy marks as sensitive. <value>The default value is null: such steps fail.</value></summary>
    public IApprovalGate? Approvals { get; init; }

    /// <summary>Where screenshots are saved (under <c>shots/</c>). <value>The default value is null: no screenshots are saved.</value></summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Live progress. <value>The default value is null.</value></summary>
    public IReplayProgress? Progress { get; init; }

    /// <summary>
    /// Where the replay logs: its events go to the <c>ActionAgent.Core.Replay.ReplayEngine</c> category of this factory.
    /// <value>The default value is <see cref="NullLoggerFactory.Instance"/>: nothing is logged.</value>
    /// </summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Where time comes from. <value>The default value is <see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
