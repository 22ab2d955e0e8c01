namespace ActionAgent.Core.Scenarios;

/// <summary>A problem in a scenario file, with where it is.</summary>
/// <param name="File">The file (or source name) the scenario came from.</param>
/// <param name="Line">The 1-based line; 0 when the problem is with the file as a whole (it cannot be read).</param>
/// <param name="Column">The 1-based column; 0 when <paramref name="Line"/> is 0.</param>
/// <param name="Field">The dotted path of the field (<c>policy.max_steps</c>, <c>steps[3].click.label</c>; step indexes
/// count from 0), or <c>(root)</c> / <c>(file)</c> for the document or the file itself.</param>
/// <param name="Message">What is wrong, and when it can tell, how to fix it.</param>
public sealed record ScenarioError(string File, int Line, int Column, string Field, string Message)
{
    /// <summary>The compiler-style form <c>file:line:col: field: message</c> (editors and CI annotate it).</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Field}: {Message}" : $"{File}: {Field}: {Message}";
}
