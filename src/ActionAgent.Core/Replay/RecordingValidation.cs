using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Replay;

/// <summary>
/// What a loaded <c>recording.json</c> must hold before anything reads it: JSON <c>null</c> where a list or object
/// belongs, duplicate step indexes, and file paths that leave the recording folder are errors naming the field,
/// never a crash later on. A recording may come from someone else; this is its first check.
/// </summary>
internal static class RecordingValidation
{
    public static List<string> Problems(RecordingDocument document, string recordingDirectory)
    {
        var problems = new List<string>();
        if (document.Header is not { } header)
        {
            problems.Add("header is missing or null");
            return problems;
        }
        if (string.IsNullOrWhiteSpace(header.Name)) problems.Add("header.name is missing or empty");
        if (header.Policy is null) problems.Add("header.policy is null");
        else
        {
            if (header.Policy.AllowDomains is null || header.Policy.AllowDomains.Any(d => d is null)) problems.Add("header.policy.allowDomains must be a list of host names, not null");
            if (header.Policy.Approve is null || header.Policy.Approve.Any(d => d is null)) problems.Add("header.policy.approve must be a list of tags, not null");
        }
        if (header.Inputs is null || header.Inputs.Values.Any(v => v is null)) problems.Add("header.inputs must be an object of strings, not null");
        if (header.SecretNames is null || header.SecretNames.Any(v => v is null)) problems.Add("header.secretNames must be a list of names, not null");
        if (header.SecretSources is null || header.SecretSources.Values.Any(v => v is null)) problems.Add("header.secretSources must be an object (or left out), not null");
        if (header.Expect is null || header.Expect.Any(e => e?.Kind is null || e.Value is null)) problems.Add("header.expect must be a list of (kind, value) pairs, not null");
        if (document.PlanEvents is null || document.PlanEvents.Any(e => e is null)) problems.Add("planEvents must be a list (or left out), not null");
        if (document.Summary is { } summary)
        {
            if (summary.Usage is null) problems.Add("summary.usage must be an object (or left out), not null");
            if (summary.Expectations is null || summary.Expectations.Any(e => e is null)) problems.Add("summary.expectations must be a list (or left out), not null");
            if (summary.Variables is null || summary.Variables.Values.Any(v => v is null)) problems.Add("summary.variables must be an object of strings (or left out), not null");
            if (summary.SubGoals is null || summary.SubGoals.Any(g => g is null)) problems.Add("summary.subGoals must be a list (or left out), not null");
        }
        if (document.PlanEvents?.Any(e => e is { Usage: null } or { Steps: null }) == true) problems.Add("planEvents[].usage and .steps must not be null");
        if (document.Steps is null)
        {
            problems.Add("steps must be a list of steps, not null");
            return problems;
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < document.Steps.Count; i++)
        {
            var field = $"steps[{i}]";
            if (document.Steps[i] is not { } step)
            {
                problems.Add($"{field} is null");
                continue;
            }
            if (string.IsNullOrWhiteSpace(step.Action)) problems.Add($"{field}.action is missing or empty");
            if (!seen.Add(step.Index)) problems.Add($"{field}.index: {step.Index} is the index of an earlier step too; each step has its own index");
            if (step.Parameters is null || step.Parameters.Any(p => p is null)) problems.Add($"{field}.parameters must be a list, not null");
            if (step.Tags is null || step.Tags.Any(t => t is null)) problems.Add($"{field}.tags must be a list, not null");
            if (step.Checks is null || step.Checks.Any(c => c?.Kind is null || c.Expected is null)) problems.Add($"{field}.checks must be a list of {{ kind, expected }}, not null");
            foreach (var (name, path) in new[] { ("shotBefore", step.ShotBefore), ("shotAfter", step.ShotAfter), ("crop", step.Crop) })
            {
                if (path is null) continue;
                if (RecordingPaths.Problem(recordingDirectory, path) is { } problem) problems.Add($"{field}.{name}: \"{path}\" {problem}");
            }
        }
        return problems;
    }
}
