using ActionAgent.Core.Actions;
using ActionAgent.Core.Secrets;

namespace ActionAgent.Core.Engine;

public sealed partial class RunEngine
{
    private sealed partial class ActiveRun
    {
        /// <summary>
        /// The value a step's record keeps. A planner reads the goal with the inputs put in, so a step it made from
        /// "type ${inputs.name} into Name" carries the literal "Ada"; recorded so, <c>agent replay --param name=…</c>
        /// could not change it. When a typed value is exactly the value of an input the goal names, the record keeps
        /// the placeholder instead, as a hand-written step would, and replay resolves it from the inputs and --param.
        /// A value that holds a secret stays masked (secrets are placeholders already, or masked here), and an input
        /// whose value another input of the goal shares is ambiguous and left literal.
        /// </summary>
        private string? RecordedValue(PlanStep step)
        {
            if (step.Value is not { } value) return null;
            if (step.Action is not (ActionKind.Fill or ActionKind.Type or ActionKind.Select) || ValueTemplate.Placeholders(value).Count > 0
                || Vault.Leaks(value))
            {
                return Vault.Mask(value);
            }
            var matching = ValueTemplate.Placeholders(Scenario.Goal)
                .Where(p => p.Scope == "inputs" && Scenario.Inputs.TryGetValue(p.Name, out var input) && input.Length > 0
                            && string.Equals(input, value, StringComparison.Ordinal))
                .Select(p => p.Name)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return matching.Count == 1 ? $"${{inputs.{matching[0]}}}" : Vault.Mask(value);
        }
    }
}
