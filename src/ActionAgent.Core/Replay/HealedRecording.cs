using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Replay;

/// <summary>
/// The recording a replay's heals imply (<c>--heal-out</c>): each healed step's target becomes the element found,
/// described again, and its first locator the same kind of layer read from that element, so the next replay's first
/// layer matches. Written to a new file for review; the recording itself is never rewritten.
/// A heal found only by the recorded coordinates (the <c>box</c> layer) teaches no locator: what sits at that point
/// when the probe looks may be a container, or a page still loading, so such a step keeps its recorded target.
/// </summary>
public static class HealedRecording
{
    /// <summary>The recording with every heal of <paramref name="result"/> applied.</summary>
    public static RecordingDocument Apply(RecordingDocument recording, ReplayResult result)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(result);
        var heals = result.Steps.Where(s => s.Heal is { NewTarget: not null } h && !IsCoordinatesOnly(h)).ToDictionary(s => s.Index, s => s.Heal!);
        var steps = recording.Steps.Select(step =>
        {
            if (!heals.TryGetValue(step.Index, out var heal)) return step;
            var brokenLayer = ReplayTargets.Primary(step) is { } p ? ReplayTargets.FirstLayer(p) ?? heal.FoundBy : heal.FoundBy;
            var found = heal.NewTarget! with { Description = step.Target?.Description ?? step.RequestedTarget?.Description };
            return step with
            {
                RequestedTarget = ReplayTargets.Rebase(found, brokenLayer, heal.FoundBy) with { Description = step.RequestedTarget?.Description },
                Target = found,
                ResolvedBy = ReplayTargets.Has(found, brokenLayer) ? brokenLayer : heal.FoundBy,
            };
        }).ToList();
        return recording with { Steps = steps };
    }

    /// <summary>True when only the recorded box found the element: no locator was learned from it.</summary>
    public static bool IsCoordinatesOnly(ReplayHeal heal)
    {
        ArgumentNullException.ThrowIfNull(heal);
        return string.Equals(heal.FoundBy, "box", StringComparison.Ordinal);
    }
}
