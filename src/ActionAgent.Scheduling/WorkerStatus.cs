namespace ActionAgent.Scheduling;

/// <summary>A worker as the registry knows it (<c>agent worker --status</c>).</summary>
/// <param name="WorkerId">The worker's id (its Quartz instance id).</param>
/// <param name="Host">The machine.</param>
/// <param name="Pid">The process id.</param>
/// <param name="Started">When it started.</param>
/// <param name="LastSeen">Its last heartbeat.</param>
/// <param name="Concurrency">How many runs (browser contexts) it takes at once.</param>
/// <param name="Running">How many runs it had at its last heartbeat.</param>
/// <param name="State"><c>running</c>, <c>stopping</c> or <c>stopped</c>.</param>
public sealed record WorkerStatus(string WorkerId, string Host, int Pid, DateTimeOffset Started, DateTimeOffset LastSeen, int Concurrency, int Running, string State);
