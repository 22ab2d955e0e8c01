namespace ActionAgent.Core.Scenarios;

/// <summary>A YAML text that breaks one of <see cref="YamlLimits"/>: where, and which.</summary>
/// <param name="Line">The line (1-based).</param>
/// <param name="Column">The column (1-based).</param>
/// <param name="Message">What limit, in words.</param>
public sealed record YamlLimitViolation(int Line, int Column, string Message);
