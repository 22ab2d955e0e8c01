namespace ActionAgent.Scheduling;

/// <summary>A job as <c>agent schedule list</c> shows it.</summary>
/// <param name="Spec">The job's definition.</param>
/// <param name="State">normal, paused, blocked (running), complete or error.</param>
/// <param name="NextRun">When it fires next, if it does.</param>
/// <param name="PreviousRun">When it last fired, if it has.</param>
public sealed record JobSummary(JobSpec Spec, string State, DateTimeOffset? NextRun, DateTimeOffset? PreviousRun);
