using ActionAgent.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Core.Engine;

/// <summary>The engine's optional collaborators. Anything left null is simply not used.</summary>
public sealed record RunEngineServices
{
    /// <summary>The screen check after each step.</summary>
    public IScreenVerifier? Verifier { get; init; }

    /// <summary>The visual locator, the fallback when the accessibility tree has no usable element.</summary>
    public IElementLocator? Locator { get; init; }

    /// <summary>Cuts the acted-on element out of the before-screenshot for the recording (replay finds it again visually).</summary>
    public IImageCropper? Cropper { get; init; }

    /// <summary>Grounds semantic targets in the accessibility tree.</summary>
    public ITargetGrounder? Grounder { get; init; }

    /// <summary>Approves sensitive steps; with none, a step that needs approval fails the run.</summary>
    public IApprovalGate? Approvals { get; init; }

    /// <summary>
    /// Reads the goal as sub-goals. When set and the scenario has a goal and no explicit steps, the engine checks every
    /// sub-goal's expected effect and succeeds only when all were observed (the evidence rule).
    /// </summary>
    public IGoalInterpreter? Interpreter { get; init; }

    /// <summary>Live progress.</summary>
    public IRunProgress Progress { get; init; } = NoRunProgress.Instance;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Where the engine logs: its events go to the <c>ActionAgent.Core.Engine.RunEngine</c> category of this factory.
    /// <value>The default value is <see cref="NullLoggerFactory.Instance"/>: nothing is logged.</value>
    /// </summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Which pictures the run takes and records.</summary>
    /// <value>
    /// The default value is <see cref="RunScreenshots.All"/>: a picture after every step. The agent
    /// (<c>AgentOptions.Recording.Screenshots</c>) and the commands default to <see cref="RunScreenshots.Failures"/>.
    /// </value>
    public RunScreenshots Screenshots { get; init; } = RunScreenshots.All;

    /// <summary>The least score a visual-locator candidate needs to be acted on.</summary>
    /// <value>The default value is 0.5.</value>
    public double MinimumLocatorScore { get; init; } = 0.5;
}
