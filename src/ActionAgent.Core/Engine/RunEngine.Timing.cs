using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Engine;

// Where a run's time goes: each phase of a step is measured into a PhaseClock, handed to the step's record when it
// is written (StepRecord.Timings), and summed for the run (RunSummary.Timings, RunResult.Timings).
public sealed partial class RunEngine
{
    private sealed partial class ActiveRun
    {
        private PhaseClock? _phaseClock;

        private PhaseClock Clock => _phaseClock ??= new PhaseClock(_engine.Time);

        private PhaseClock.Scope Measure(StepPhase phase) => Clock.Measure(phase);

        private async Task<string> SaveArtifactAsync(string name, byte[] content)
        {
            using var recording = Measure(StepPhase.Record);
            return await _engine._sink.SaveArtifactAsync(name, content, CancellationToken.None).ConfigureAwait(false);
        }

        private async Task<ScreenVerdict> ScreenCheckAsync(IScreenVerifier verifier, ScreenCheck check, CancellationToken token)
        {
            using var screenChecking = Measure(StepPhase.ScreenCheck);
            return await verifier.VerifyAsync(check, token).ConfigureAwait(false);
        }
    }
}
