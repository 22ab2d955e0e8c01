using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline;

/// <summary>
/// Grounds a semantic target ("the Search button") in the accessibility snapshot with <see cref="ElementScorer"/>:
/// the best candidate above <see cref="MinimumScore"/> becomes a concrete target (ref, role and exact name), so the
/// driver can act and the recording keeps layers a replay can heal with.
/// </summary>
public sealed class AccessibilityGrounder(ITextEmbedder embedder) : ITargetGrounder
{
    private readonly ElementScorer _scorer = new(embedder);

    /// <summary>The least score a candidate needs.</summary>
    /// <value>The default value is 0.35.</value>
    public double MinimumScore { get; init; } = 0.35;

    /// <inheritdoc />
    public async Task<GroundingResult> GroundAsync(PlanStep step, UiObservation observation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(observation);
        var description = step.Target?.Description;
        if (string.IsNullOrWhiteSpace(description)) return new GroundingResult(null, 0, "the step has no description to ground");
        var page = PageModel.From(observation);
        var best = await _scorer.BestAsync(description, step.Action, n => ElementScorer.RoleFit(step.Action, n), page.All, cancellationToken).ConfigureAwait(false);
        if (best is null) return new GroundingResult(null, 0, $"no element on the page fits a {step.Action.ToName()} step");
        if (best.Score < MinimumScore)
        {
            return new GroundingResult(null, best.Score, $"the closest element, {best.Explain()}, scored {best.Score:0.00}, under {MinimumScore:0.00}");
        }
        return new GroundingResult(ToTarget(best.Node, description), best.Score, best.Explain());
    }

    /// <summary>A concrete target for a node: its ref, and role + exact name as layers a replay can fall back on.</summary>
    public static ElementTarget ToTarget(PageNode node, string? description)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Node.Ref is null && node.Node.Attributes.TryGetValue("css", out var css))
        {
            // A clickable the DOM probe found (no role, no ref): its CSS path, its text, then its box.
            return new ElementTarget { Css = css, Text = node.Name.Length > 0 ? node.Name : null, Exact = node.Name.Length > 0, Box = node.Node.Box, Description = description };
        }
        return new ElementTarget
        {
            Ref = node.Node.Ref,
            Role = node.Role is "generic" or "text" or "paragraph" ? null : node.Role,
            Name = node.Name.Length > 0 ? node.Name : null,
            Exact = node.Name.Length > 0,
            Box = node.Node.Ref is null ? node.Node.Box : null,
            Description = description,
        };
    }
}
