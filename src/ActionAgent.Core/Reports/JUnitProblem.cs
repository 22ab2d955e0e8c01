namespace ActionAgent.Core.Reports;

/// <summary>A JUnit <c>&lt;failure&gt;</c> or <c>&lt;error&gt;</c>: its message, its type and a longer text.</summary>
/// <param name="Message">What was expected and what was seen, in one line.</param>
/// <param name="Type">The kind (<c>check-failed</c>, <c>step-failed</c>, <c>heal-refused</c>, <c>bad-input</c>…).</param>
/// <param name="Text">Details (each check and whether it held); null for none.</param>
public sealed record JUnitProblem(string Message, string? Type = null, string? Text = null);
