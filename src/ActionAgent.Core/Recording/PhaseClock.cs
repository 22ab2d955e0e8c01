namespace ActionAgent.Core.Recording;

/// <summary>
/// Splits a run's time into <see cref="StepPhase"/>s. A measured phase that runs inside another is taken out of the
/// outer one, so every millisecond is counted once. Time gathers into the current step until <see cref="TakeStep"/>
/// hands it over and starts the next; the run's totals keep everything. Not thread-safe: one run's loop owns it.
/// </summary>
internal sealed class PhaseClock(TimeProvider time)
{
    private const int PhaseCount = (int)StepPhase.Record + 1;
    private readonly long[] _step = new long[PhaseCount];
    private readonly long[] _run = new long[PhaseCount];
    private readonly Stack<Frame> _open = new();

    /// <summary>Starts timing a phase; disposing the scope stops it.</summary>
    public Scope Measure(StepPhase phase)
    {
        var frame = new Frame(phase, time.GetTimestamp());
        _open.Push(frame);
        return new Scope(this, frame);
    }

    /// <summary>The time gathered since the last call, as the finished step's timings; the next step starts from zero.</summary>
    public StepTimings TakeStep()
    {
        FlushOpen();
        var timings = ToTimings(_step);
        for (var i = 0; i < PhaseCount; i++)
        {
            _run[i] += _step[i];
            _step[i] = 0;
        }
        return timings;
    }

    /// <summary>The whole run so far, including time not yet handed to a step (the final checks).</summary>
    public StepTimings RunTotals()
    {
        var totals = new long[PhaseCount];
        for (var i = 0; i < PhaseCount; i++) totals[i] = _run[i] + _step[i];
        return ToTimings(totals);
    }

    // Phases still open (a step recorded from inside its check) give their time so far to this step and go on from now.
    private void FlushOpen()
    {
        var now = time.GetTimestamp();
        long openChild = 0;
        foreach (var frame in _open) // innermost first
        {
            var elapsed = now - frame.Start;
            _step[(int)frame.Phase] += Math.Max(0, elapsed - frame.Inner - openChild);
            openChild = elapsed;
            frame.Start = now;
            frame.Inner = 0;
        }
    }

    private void Stop(Frame frame)
    {
        // Scopes close in order in a sequential loop; an out-of-order close (an exception path) still closes the right frame.
        var elapsed = time.GetTimestamp() - frame.Start;
        _step[(int)frame.Phase] += Math.Max(0, elapsed - frame.Inner);
        while (_open.Count > 0 && !ReferenceEquals(_open.Pop(), frame))
        {
        }
        if (_open.Count > 0) _open.Peek().Inner += elapsed;
    }

    private StepTimings ToTimings(long[] ticks)
    {
        long Ms(StepPhase p) => ticks[(int)p] * 1000 / time.TimestampFrequency;
        return new StepTimings
        {
            ObserveMs = Ms(StepPhase.Observe),
            PlanMs = Ms(StepPhase.Plan),
            GroundMs = Ms(StepPhase.Ground),
            ActMs = Ms(StepPhase.Act),
            CheckMs = Ms(StepPhase.Check),
            ScreenCheckMs = Ms(StepPhase.ScreenCheck),
            VisualMs = Ms(StepPhase.Visual),
            RecordMs = Ms(StepPhase.Record),
        };
    }

    internal sealed class Frame(StepPhase phase, long start)
    {
        public StepPhase Phase { get; } = phase;
        public long Start { get; set; } = start;
        public long Inner { get; set; }
    }

    /// <summary>An open phase; dispose to stop it.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly PhaseClock? _clock;
        private readonly Frame? _frame;

        internal Scope(PhaseClock clock, Frame frame)
        {
            _clock = clock;
            _frame = frame;
        }

        public void Dispose()
        {
            if (_clock is not null && _frame is not null) _clock.Stop(_frame);
        }
    }
}
