using ActionAgent.Core.Actions;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Core.Engine;

public sealed partial class RunEngine
{
    private sealed partial class ActiveRun
    {
        /// <summary>
        /// Whether the policy gates a step. The engine classifies the step itself (<see cref="RiskClassifier"/>: its
        /// target's role and name, its description), so a step the planner did not tag is gated all the same.
        /// </summary>
        private bool NeedsApproval(PlanStep step, out string reason, out IReadOnlyList<string> categories)
        {
            categories = RiskClassifier.Classify(step);
            var found = categories;
            var match = Policy.Approve.FirstOrDefault(a =>
                found.Contains(a, StringComparer.OrdinalIgnoreCase) ||
                string.Equals(a, step.Action.ToName(), StringComparison.OrdinalIgnoreCase));
            reason = match is null ? "" : $"the policy asks for approval of '{match}' steps";
            categories = match is null ? [] : [match];
            return match is not null;
        }

        private bool NeedsApproval(PlanStep step, out string reason) => NeedsApproval(step, out reason, out _);

        private async Task ApproveAsync(CancellationToken token)
        {
            var step = _s.Queue.Peek();
            NeedsApproval(step, out var reason, out var categories);
            var gate = _engine._services.Approvals;
            var shown = Vault.Mask(step.ToString());
            if (gate is null)
            {
                await RecordApprovalAsync(step, categories, "none", ApprovalDecision.Refused, reason + "; no approver is configured").ConfigureAwait(false);
                _s.Reason = $"Step {_s.StepCount + 1} ({shown}) needs approval: {reason}, and no approver is configured (run interactively, or pass --approve).";
                await _machine.FireAsync(RunTrigger.Refused).ConfigureAwait(false);
                return;
            }
            var approved = await gate.ApproveAsync(step, reason, token).ConfigureAwait(false);
            var approval = await RecordApprovalAsync(step, categories, gate.Name, approved ? ApprovalDecision.Approved : ApprovalDecision.Refused, reason).ConfigureAwait(false);
            if (approved)
            {
                Log.LogInformation("Step {Index} approved by {Gate}", _s.StepCount + 1, gate.Name);
                _s.ApprovedCurrent = true;
                _s.StepApproval = approval;
                await _machine.FireAsync(RunTrigger.Approved).ConfigureAwait(false);
                return;
            }
            _s.Reason = $"Step {_s.StepCount + 1} ({shown}) was refused approval by {gate.Name}.";
            await _machine.FireAsync(RunTrigger.Refused).ConfigureAwait(false);
        }

        /// <summary>Every decision goes into the recording (a plan event), whoever made it; the approved step carries it too.</summary>
        private async Task<RecordedApproval> RecordApprovalAsync(PlanStep step, IReadOnlyList<string> categories, string gate, ApprovalDecision decision, string reason)
        {
            var approval = new RecordedApproval(categories, gate, decision, _engine.Time.GetUtcNow());
            await _engine._sink.AppendPlanEventAsync(new PlanEvent
            {
                Kind = "approval",
                Planner = gate,
                AtStep = _s.StepCount + 1,
                Reason = $"{decision.ToText()}: {Vault.Mask(reason)}",
                Steps = [Vault.Mask(step.ToString())],
                At = approval.At,
            }, CancellationToken.None).ConfigureAwait(false);
            return approval;
        }
    }
}
