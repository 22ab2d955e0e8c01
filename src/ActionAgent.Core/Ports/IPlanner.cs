using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Ports;

/// <summary>
/// Turns a goal into steps. The engine calls <see cref="NextAsync"/> whenever it has no steps left (and after a
/// failure, with <see cref="PlanningContext.Failure"/> set, to replan). A planner may return the whole plan at once
/// or one step at a time, grounded against the current observation.
/// </summary>
public interface IPlanner
{
    /// <summary>A short name recorded with every step it made ("explicit", "offline", "openai:gpt-4o").</summary>
    string Name { get; }

    /// <summary>Decides what to do next from the goal, what was done, and what is on screen.</summary>
    Task<PlanDecision> NextAsync(PlanningContext context, CancellationToken cancellationToken);

    /// <summary>The plan as far as it can be told without acting (for <c>agent plan</c>).</summary>
    Task<IReadOnlyList<PlanStep>> DraftAsync(PlanningContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Work on the goal alone, before any page is seen (reading the goal, choosing a skill). The engine calls it once,
    /// at the start of a run, while the app opens, with no <see cref="PlanningContext.Observation"/>, and waits for it
    /// before the first <see cref="NextAsync"/>, which may then find that work done. The default does nothing.
    /// </summary>
    Task PrepareAsync(PlanningContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Whether <see cref="NextAsync"/> looks at the screenshot of <see cref="PlanningContext.Observation"/>. When false, the
    /// engine plans the next step while the last step's after-picture is still being taken (it is always taken, and waited
    /// for, before anything acts again). The default, true, plans only once the picture is there.
    /// </summary>
    bool ReadsScreenshots => true;
}

/// <summary>Everything a planner may look at.</summary>
public sealed record PlanningContext
{
    /// <summary>The goal in the user's words.</summary>
    public required string Goal { get; init; }

    /// <summary>Scenario inputs, flattened to dotted keys (<c>passenger.first_name</c>).</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    /// <summary>The names of the secrets available as <c>${secrets.NAME}</c>; never their values.</summary>
    public IReadOnlyList<string> SecretNames { get; init; } = [];

    /// <summary>What is on screen now.</summary>
    public UiObservation? Observation { get; init; }

    /// <summary>The steps carried out so far, in order.</summary>
    public IReadOnlyList<ExecutedStep> History { get; init; } = [];

    /// <summary>Set when replanning: the step that failed and why.</summary>
    public StepFailure? Failure { get; init; }

    /// <summary>How many times this run has replanned.</summary>
    public int ReplanCount { get; init; }

    /// <summary>Values extracted by earlier steps.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The goal read as sub-goals by the engine's interpreter (empty when none is configured or the run has explicit
    /// steps). A planner that tags its steps with <see cref="PlanStep.SubGoal"/> refers to these indexes.
    /// </summary>
    public IReadOnlyList<Goals.SubGoal> SubGoals { get; init; } = [];

    /// <summary>The indexes of the sub-goals whose effect the engine has observed so far.</summary>
    public IReadOnlySet<int> AchievedSubGoals { get; init; } = new HashSet<int>();
}

/// <summary>A step that was carried out, as planners see it (values masked).</summary>
/// <param name="Step">The step.</param>
/// <param name="Succeeded">Whether it succeeded.</param>
/// <param name="Error">The error, when it failed.</param>
public sealed record ExecutedStep(PlanStep Step, bool Succeeded, string? Error);

/// <summary>A failed step, given to the planner when it replans.</summary>
/// <param name="Step">The step that failed.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Kind">The driver's failure kind, when the action failed (not the check).</param>
public sealed record StepFailure(PlanStep Step, string Reason, ActionFailureKind Kind);

/// <summary>What a planner decided.</summary>
public sealed record PlanDecision
{
    /// <summary>Continue with these steps, finish, or give up.</summary>
    public required PlanDecisionKind Kind { get; init; }

    /// <summary>The steps to carry out next (for <see cref="PlanDecisionKind.Continue"/>).</summary>
    public IReadOnlyList<PlanStep> Steps { get; init; } = [];

    /// <summary>Why: what the planner thinks, for the recording.</summary>
    public string? Reason { get; init; }

    /// <summary>Model tokens and cost spent making this decision.</summary>
    public ModelUsage Usage { get; init; } = ModelUsage.None;

    /// <summary>Carry out these steps.</summary>
    public static PlanDecision Continue(IReadOnlyList<PlanStep> steps, string? reason = null, ModelUsage? usage = null) =>
        new() { Kind = PlanDecisionKind.Continue, Steps = steps, Reason = reason, Usage = usage ?? ModelUsage.None };

    /// <summary>The goal is reached.</summary>
    public static PlanDecision Done(string? reason = null, ModelUsage? usage = null) =>
        new() { Kind = PlanDecisionKind.Done, Reason = reason, Usage = usage ?? ModelUsage.None };

    /// <summary>The planner cannot go on.</summary>
    public static PlanDecision GiveUp(string reason, ModelUsage? usage = null) =>
        new() { Kind = PlanDecisionKind.GiveUp, Reason = reason, Usage = usage ?? ModelUsage.None };
}

/// <summary>The kinds of planner decision.</summary>
public enum PlanDecisionKind
{
    /// <summary>Carry out the given steps.</summary>
    Continue,
    /// <summary>The goal is reached.</summary>
    Done,
    /// <summary>The planner cannot reach the goal.</summary>
    GiveUp,
}

/// <summary>Model tokens and cost.</summary>
/// <param name="PromptTokens">Input tokens.</param>
/// <param name="CompletionTokens">Output tokens.</param>
/// <param name="Cost">Cost in US dollars, when the price is known.</param>
/// <param name="Calls">Model calls made.</param>
public sealed record ModelUsage(long PromptTokens, long CompletionTokens, decimal Cost, int Calls)
{
    /// <summary>Nothing spent.</summary>
    public static ModelUsage None { get; } = new(0, 0, 0m, 0);

    /// <summary>All tokens.</summary>
    public long TotalTokens => PromptTokens + CompletionTokens;

    /// <summary>The sum of two usages.</summary>
    public static ModelUsage operator +(ModelUsage left, ModelUsage right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.PromptTokens + right.PromptTokens, left.CompletionTokens + right.CompletionTokens,
            left.Cost + right.Cost, left.Calls + right.Calls);
    }

    /// <summary>The sum of two usages.</summary>
    public static ModelUsage Add(ModelUsage left, ModelUsage right) => left + right;
}
