using ActionAgent.Core.Ports;

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

    /// <summary>The log.</summary>
    public Serilog.ILogger Logger { get; init; } = Serilog.Log.Logger;

    /// <summary>The least score a visual-locator candidate needs to be acted on.</summary>
    /// <value>The default value is 0.5.</value>
    public double MinimumLocatorScore { get; init; } = 0.5;
}
