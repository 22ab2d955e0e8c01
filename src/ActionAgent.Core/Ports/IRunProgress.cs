using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Ports;

/// <summary>Hears what a run is doing, for live progress on a console or a UI. Must not throw.</summary>
public interface IRunProgress
{
    /// <summary>The engine moved to a new state.</summary>
    void StateChanged(RunState from, RunState to, string trigger);

    /// <summary>A step is about to run.</summary>
    void StepStarted(int index, PlanStep step);

    /// <summary>A step finished (successfully or not).</summary>
    void StepFinished(StepRecord record);
}

/// <summary>Progress that goes nowhere.</summary>
public sealed class NoRunProgress : IRunProgress
{
    /// <summary>The single instance.</summary>
    public static NoRunProgress Instance { get; } = new();

    /// <inheritdoc />
    public void StateChanged(RunState from, RunState to, string trigger) { }

    /// <inheritdoc />
    public void StepStarted(int index, PlanStep step) { }

    /// <inheritdoc />
    public void StepFinished(StepRecord record) { }
}
