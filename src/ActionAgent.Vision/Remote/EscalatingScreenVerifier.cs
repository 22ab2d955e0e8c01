using ActionAgent.Core.Ports;

namespace ActionAgent.Vision;

/// <summary>
/// The router for the screen check: the cheap embedded check first, and the remote vision model only when the
/// first is unsure (the catalog's "escalate on low confidence"). A remote failure never fails the step by itself
/// being unreachable: the first verdict stands.
/// </summary>
public sealed class EscalatingScreenVerifier(IScreenVerifier primary, IScreenVerifier remote, bool escalateWhenUnsure = true) : IScreenVerifier
{
    /// <inheritdoc />
    public string Name => $"{primary.Name}>{remote.Name}";

    /// <inheritdoc />
    public async Task<ScreenVerdict> VerifyAsync(ScreenCheck check, CancellationToken cancellationToken)
    {
        var first = await primary.VerifyAsync(check, cancellationToken).ConfigureAwait(false);
        if (!escalateWhenUnsure || first.Outcome != VerdictOutcome.Unsure) return first;
        ScreenVerdict second;
        try
        {
            second = await remote.VerifyAsync(check, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var kept = new Dictionary<string, string>(first.Evidence, StringComparer.Ordinal) { ["escalation"] = $"{remote.Name} failed: {e.Message}" };
            // The failed call was still made: it counts as one call toward the budgets.
            return first with { Evidence = kept, Usage = first.Usage + new ModelUsage(0, 0, 0m, 1) };
        }
        var evidence = new Dictionary<string, string>(second.Evidence, StringComparer.Ordinal);
        foreach (var (key, value) in first.Evidence) evidence.TryAdd($"{primary.Name}.{key}", value);
        evidence["escalatedFrom"] = $"{primary.Name}: {first.Reason}";
        return second with { Evidence = evidence, Usage = first.Usage + second.Usage };
    }
}
