namespace ActionAgent.Core.Recording;

/// <summary>The phases a step's time is split into (see <see cref="StepTimings"/>).</summary>
internal enum StepPhase
{
    Observe,
    Plan,
    Ground,
    Act,
    Check,
    ScreenCheck,
    Visual,
    Record,
}
