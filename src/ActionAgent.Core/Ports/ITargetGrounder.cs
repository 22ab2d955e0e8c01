using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Ports;

/// <summary>
/// Grounds a semantic target ("the Search button") in an observation's accessibility tree, so a driver can act on it.
/// The engine asks a grounder first, then the visual locator, before giving up on a semantic target.
/// </summary>
public interface ITargetGrounder
{
    /// <summary>Finds the element the description means, or says why not.</summary>
    Task<GroundingResult> GroundAsync(PlanStep step, UiObservation observation, CancellationToken cancellationToken);
}

/// <summary>A grounding answer.</summary>
/// <param name="Target">The concrete target (with a ref, role+name...), or null when nothing fits.</param>
/// <param name="Score">How well it fits, 0 to 1.</param>
/// <param name="Reason">Why this element, or why none, for the recording.</param>
public sealed record GroundingResult(ElementTarget? Target, double Score, string Reason);
