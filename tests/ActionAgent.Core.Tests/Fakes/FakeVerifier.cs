using ActionAgent.Core.Ports;

namespace ActionAgent.Core.Tests.Fakes;

/// <summary>A screen verifier whose verdict a test decides.</summary>
public sealed class FakeVerifier(Func<ScreenCheck, VerdictOutcome> decide) : IScreenVerifier
{
    public string Name => "fake-verifier";
    public List<ScreenCheck> Checks { get; } = [];

    public Task<ScreenVerdict> VerifyAsync(ScreenCheck check, CancellationToken cancellationToken)
    {
        Checks.Add(check);
        var outcome = decide(check);
        return Task.FromResult(new ScreenVerdict(outcome, 0.9, $"fake says {outcome}", Name));
    }
}
