using ActionAgent.Core.Actions;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Secrets;

namespace ActionAgent.Core.Engine;

public sealed partial class RunEngine
{
    private sealed partial class ActiveRun
    {
        /// <summary>A goto never carries a secret, whoever wrote it (a scenario is stopped by the loader; a model is stopped here).</summary>
        private static ActionResult? RefuseSecretUrl(PlanStep step) =>
            step.Action == ActionKind.Goto && ValueTemplate.ReferencesSecret(step.Value)
                ? ActionResult.Failure(ActionFailureKind.InvalidStep,
                    "A goto may not carry a secret: a URL goes to servers, redirects and history. Type the secret into a field instead.")
                : null;

        /// <summary>The hosts every secret the step uses may be typed on (all of them must allow the page), or null.</summary>
        private AllowList? SecretHostsFor(PlanStep step)
        {
            AllowList? hosts = null;
            foreach (var name in ValueTemplate.Placeholders(step.Value).Where(p => p.Scope == "secrets").Select(p => p.Name))
            {
                var bound = SecretHosts(name);
                hosts = hosts is null ? bound : hosts.NarrowedBy(bound);
            }
            return hosts;
        }

        /// <summary>
        /// Where one secret may be typed: its <c>domains</c>; else the host the run started on; else the policy's
        /// allow-list. A secret with none of those is bound to nothing more than the run's allow-list.
        /// </summary>
        private AllowList SecretHosts(string name)
        {
            if (Scenario.Secrets.TryGetValue(name, out var source) && source.Domains.Count > 0) return new AllowList(source.Domains);
            if (_request.StartUrl is { } start && Uri.TryCreate(start, UriKind.Absolute, out var startUri) && startUri.Host.Length > 0)
            {
                return new AllowList([startUri.Host]);
            }
            return Policy.ToAllowList();
        }

        /// <summary>The secrets a planner may use on the page now: those bound to its host.</summary>
        private IReadOnlyList<string> SecretNamesAllowedAt(string? location) =>
            [.. Scenario.Secrets.Keys.Where(name => location is not null && Uri.TryCreate(location, UriKind.Absolute, out var uri)
                && uri.Scheme is "http" or "https" && SecretHosts(name).Allows(uri, navigation: true))];

        /// <summary>Variables hold page text (extract): a secret the page echoed is masked before a planner sees it.</summary>
        private Dictionary<string, string> MaskedVariables() =>
            _s.Variables.ToDictionary(p => p.Key, p => Vault.Mask(p.Value), StringComparer.Ordinal);

        /// <summary>History errors quote the page; masked like everything else that leaves the run.</summary>
        private List<ExecutedStep> MaskedHistory() =>
            [.. _s.History.Select(h => h.Error is null ? h : h with { Error = Vault.Mask(h.Error) })];

        /// <summary>Checks quote the page and may hold a <c>${vars.*}</c> value: masked before they are recorded.</summary>
        private List<DerivedCheck> MaskChecks(IEnumerable<DerivedCheck> checks) =>
            [.. checks.Select(c => c with { Expected = Vault.Mask(c.Expected), Target = MaskTarget(c.Target) })];

        private ElementTarget? MaskTarget(ElementTarget? target) => target is null ? null : target with
        {
            Name = MaskOrNull(target.Name),
            Text = MaskOrNull(target.Text),
            Label = MaskOrNull(target.Label),
            Placeholder = MaskOrNull(target.Placeholder),
            Description = MaskOrNull(target.Description),
            Css = MaskOrNull(target.Css),
            XPath = MaskOrNull(target.XPath),
        };

        private string? MaskOrNull(string? text) => text is null ? null : Vault.Mask(text);

        /// <summary>The dialogs an action answered, masked for the step's record; null when there were none.</summary>
        private IReadOnlyList<string>? MaskedDialogs(ActionResult result) => result.Dialogs.Count == 0 ? null : [.. result.Dialogs.Select(Vault.Mask)];
    }
}
