namespace ActionAgent.Browser.Recording;

/// <summary>
/// The script <see cref="BrowserRecorder"/> adds to every document: capture-phase listeners for clicks, field changes,
/// selects, checkboxes and Enter, each reporting the element described in every layer (the same function the driver
/// uses for <c>ActionResult.ResolvedTarget</c>) and what was visible at that moment, through an exposed binding.
/// Capture-phase listeners run before the page's own handlers, so what they see is the state before the step.
/// </summary>
internal static class CaptureScript
{
    public const string BindingName = "__actionagentRecord";

    public static string Source { get; } = """
        (() => {
          if (window.__actionagentRecorder) return;
          window.__actionagentRecorder = true;
          const describe = __DESCRIBE__;
          const visible = (el) => el.checkVisibility ? el.checkVisibility() : !!(el.offsetWidth || el.offsetHeight);
          const keys = () => {
            const out = new Set();
            for (const el of document.querySelectorAll('h1,h2,h3,button,[role=button],[role=dialog],[role=alert],dialog')) {
              if (!visible(el)) continue;
              const d = describe(el);
              if (d && d.role && d.name && d.name.length < 80) out.add(`${d.role} "${d.name}"`);
            }
            return [...out];
          };
          const send = (action, el, value) => {
            try {
              window.__actionagentRecord(JSON.stringify({ action, target: el ? describe(el) : null, value, url: location.href, keys: keys() }));
            } catch (e) { /* the binding is gone while the page unloads */ }
          };
          const textField = (el) => el instanceof HTMLTextAreaElement ||
            (el instanceof HTMLInputElement && !['button', 'submit', 'reset', 'checkbox', 'radio', 'image', 'file', 'range', 'color'].includes(el.type));
          const secretField = (el) => el instanceof HTMLInputElement && (el.type === 'password' ||
            /^(current-password|new-password|one-time-code|cc-number|cc-csc|cc-exp)$/.test(el.autocomplete || ''));
          // Only what the person typed is a fill; values a widget sets (an option chosen) come from the click.
          const typed = new WeakSet();
          const sendFill = (el) => {
            if (!typed.has(el)) return;
            typed.delete(el);
            // A password (or card, one-time code) never leaves the page: only the fact that it was typed.
            if (secretField(el)) send('fill-secret', el, null);
            else send('fill', el, el.value);
          };
          document.addEventListener('input', (e) => { if (e.isTrusted && textField(e.target)) typed.add(e.target); }, true);
          document.addEventListener('click', (e) => {
            const t = e.target instanceof Element ? e.target : null;
            if (!t || !e.isTrusted) return;
            if (textField(t) || t instanceof HTMLSelectElement || t instanceof HTMLOptionElement) return; // focusing a field is not a step
            if (t instanceof HTMLInputElement && (t.type === 'checkbox' || t.type === 'radio')) {
              send(t.checked ? 'check' : 'uncheck', t, null); // the click has already toggled it
              return;
            }
            if (t.closest('label') && t.closest('label').control && !(t.closest('a,button'))) return; // the control's own click follows
            const el = t.closest('button,a[href],[role=button],[role=option],[role=link],[role=tab],[role=menuitem],[role=checkbox],[role=radio],[role=switch],summary,input') || t;
            send('click', el, null);
          }, true);
          document.addEventListener('change', (e) => {
            const t = e.target;
            if (!e.isTrusted) return;
            if (t instanceof HTMLSelectElement) send('select', t, t.selectedOptions.length ? t.selectedOptions[0].text : t.value);
            else if (textField(t)) sendFill(t);
          }, true);
          // Focus leaving a field that was typed into (a widget may have set its value): record the typing first.
          document.addEventListener('pointerdown', () => {
            const a = document.activeElement;
            if (a && textField(a)) sendFill(a);
          }, true);
          document.addEventListener('keydown', (e) => {
            if (e.key !== 'Enter' || !e.isTrusted || !(e.target instanceof Element)) return;
            if (textField(e.target)) sendFill(e.target);
            send('press', e.target, 'Enter');
          }, true);
        })();
        """.Replace("__DESCRIBE__", ElementDescriber.DescribeFunction, StringComparison.Ordinal);

    /// <summary>The visible keys now (for the state after the last step).</summary>
    public static string KeysNow { get; } = """
        () => {
          const describe = __DESCRIBE__;
          const visible = (el) => el.checkVisibility ? el.checkVisibility() : !!(el.offsetWidth || el.offsetHeight);
          const out = new Set();
          for (const el of document.querySelectorAll('h1,h2,h3,button,[role=button],[role=dialog],[role=alert],dialog')) {
            if (!visible(el)) continue;
            const d = describe(el);
            if (d && d.role && d.name && d.name.length < 80) out.add(`${d.role} "${d.name}"`);
          }
          return [...out];
        }
        """.Replace("__DESCRIBE__", ElementDescriber.DescribeFunction, StringComparison.Ordinal);
}
