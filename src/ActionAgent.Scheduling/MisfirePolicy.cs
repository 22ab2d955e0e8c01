namespace ActionAgent.Scheduling;

/// <summary>What a job does about firings it missed while no worker ran.</summary>
public enum MisfirePolicy
{
    /// <summary>Run once as soon as a worker is back, then keep to the schedule (<c>run-once</c>, the default).</summary>
    RunOnce,

    /// <summary>Skip the missed firings (recorded as <c>skipped</c>) and wait for the next one (<c>skip</c>).</summary>
    Skip,
}
