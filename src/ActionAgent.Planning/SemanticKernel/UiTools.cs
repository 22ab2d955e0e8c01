using System.ComponentModel;
using System.Globalization;
using System.Text;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Secrets;
using Microsoft.SemanticKernel;

namespace ActionAgent.Planning.SemanticKernel;

/// <summary>
/// The kernel functions the model calls for one decision. Action functions do not act: they check their arguments
/// against the current snapshot and record a <see cref="PlanStep"/> for the run engine (which acts, checks and
/// records). Perception functions run their backend and answer the model.
/// </summary>
internal sealed class UiTools(PlanningContext context, PlannerPerception perception, string origin)
{
    private readonly List<PlanStep> _steps = [];
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, UiNode> _byRef = BuildRefIndex(context.Observation);

    // Set-of-marks: regions the visual locator found, numbered m1, m2, … so the model can act on what only the
    // screenshot shows (a canvas, an image button) by referring to the number.
    private readonly List<LocatedElement> _marks = [];

    /// <summary>Steps the model asked for this turn.</summary>
    public IReadOnlyList<PlanStep> Steps => _steps;

    /// <summary>What was wrong with this turn's calls.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Set when the model called finish.</summary>
    public string? Finished { get; private set; }

    /// <summary>Set when the model called give_up.</summary>
    public string? GaveUp { get; private set; }

    /// <summary>Whether an action, finish or give_up was called this turn.</summary>
    public bool Decided => _steps.Count > 0 || Finished is not null || GaveUp is not null;

    /// <summary>Forgets the last turn (after its errors were fed back).</summary>
    public void BeginTurn()
    {
        _steps.Clear();
        _errors.Clear();
        Finished = null;
        GaveUp = null;
    }

    /// <summary>Records a problem with a call and returns the text the model gets back.</summary>
    public string Reject(string error)
    {
        _errors.Add(error);
        return $"Error: {error}. Nothing was done; fix the call and call the tools again.";
    }

    private ModelUsage PerceptionUsage { get; set; } = ModelUsage.None;

    /// <summary>What the perception tools' model calls cost since the last call (check_screen escalating to a remote model).</summary>
    public ModelUsage TakePerceptionUsage()
    {
        var usage = PerceptionUsage;
        PerceptionUsage = ModelUsage.None;
        return usage;
    }

    [KernelFunction("click"), Description("Click an element on the current screen.")]
    public string Click(
        [Description("The element's ref from the snapshot, like e12.")] string @ref,
        [Description("What the click is for, in a few words.")] string? reason = null,
        [Description("What should be on screen after the click, if you know.")] string? expect = null,
        [Description("True when the click pays, buys, books, sends or deletes something.")] bool sensitive = false) =>
        Record(ActionKind.Click, @ref, null, reason, expect, sensitive);

    [KernelFunction("fill"), Description("Replace the text of a text field. For inputs or secrets you may write ${inputs.NAME} or ${secrets.NAME}.")]
    public string Fill(
        [Description("The field's ref, like e7.")] string @ref,
        [Description("The text to put in the field.")] string value,
        [Description("What the field is for.")] string? reason = null) =>
        Record(ActionKind.Fill, @ref, value, reason);

    [KernelFunction("type_text"), Description("Type text key by key into a field (for autocomplete fields that react to typing).")]
    public string TypeText(
        [Description("The field's ref.")] string @ref,
        [Description("The text to type.")] string text,
        [Description("What the field is for.")] string? reason = null) =>
        Record(ActionKind.Type, @ref, text, reason);

    [KernelFunction("select_option"), Description("Choose an option of a select (combobox or listbox) by its label.")]
    public string SelectOption(
        [Description("The select's ref.")] string @ref,
        [Description("The option's label as shown.")] string option,
        [Description("Why.")] string? reason = null) =>
        Record(ActionKind.Select, @ref, option, reason);

    [KernelFunction("check"), Description("Tick a checkbox or choose a radio button.")]
    public string Check([Description("The checkbox or radio's ref.")] string @ref, [Description("Why.")] string? reason = null) =>
        Record(ActionKind.Check, @ref, null, reason);

    [KernelFunction("uncheck"), Description("Untick a checkbox.")]
    public string Uncheck([Description("The checkbox's ref.")] string @ref, [Description("Why.")] string? reason = null) =>
        Record(ActionKind.Uncheck, @ref, null, reason);

    [KernelFunction("press_key"), Description("Press a key or chord (Enter, Escape, ArrowDown, Control+A), in an element or on the page.")]
    public string PressKey(
        [Description("The key, in Playwright's names.")] string key,
        [Description("The element to press it in; leave out for the focused element.")] string? @ref = null,
        [Description("Why.")] string? reason = null) =>
        string.IsNullOrWhiteSpace(key) ? Reject("press_key needs a key")
        : @ref is null ? Add(new PlanStep { Action = ActionKind.Press, Value = key, Description = reason, Origin = origin })
        : Record(ActionKind.Press, @ref, key, reason);

    [KernelFunction("goto"), Description("Open a URL (absolute, or a path relative to the app's start URL).")]
    public string Goto([Description("The URL.")] string url, [Description("Why.")] string? reason = null) =>
        string.IsNullOrWhiteSpace(url) ? Reject("goto needs a url")
        : url.Contains("${secrets.", StringComparison.OrdinalIgnoreCase) ? Reject("goto may never carry a secret: a URL goes to servers, redirects and history; fill the secret into a field instead")
        : Add(new PlanStep { Action = ActionKind.Goto, Value = url.Trim(), Description = reason, Origin = origin });

    [KernelFunction("scroll"), Description("Scroll an element into view, or the page up or down.")]
    public string Scroll(
        [Description("The element to bring into view; leave out to scroll the page.")] string? @ref = null,
        [Description("up or down, when scrolling the page.")] string? direction = null) =>
        @ref is not null ? Record(ActionKind.Scroll, @ref, null, "scroll into view")
        : Add(new PlanStep { Action = ActionKind.Scroll, Value = direction is "up" ? "up" : "down", Origin = origin });

    [KernelFunction("wait_for_text"), Description("Wait until some text is visible on the screen (after a search or a payment).")]
    public string WaitForText([Description("The text to wait for.")] string text) =>
        string.IsNullOrWhiteSpace(text) ? Reject("wait_for_text needs a text")
        : Add(new PlanStep { Action = ActionKind.WaitFor, Target = new ElementTarget { Text = text }, Description = $"wait for \"{text}\"", Origin = origin });

    [KernelFunction("extract"), Description("Read an element's text into a run variable (for example a booking reference).")]
    public string Extract([Description("The element's ref.")] string @ref, [Description("The variable name.")] string name) =>
        string.IsNullOrWhiteSpace(name) ? Reject("extract needs a variable name") : Record(ActionKind.Extract, @ref, name, $"read into {name}");

    [KernelFunction("finish"), Description("Say that the goal is reached, because the screen shows it.")]
    public string Finish([Description("What on screen shows the goal is reached.")] string reason)
    {
        Finished = string.IsNullOrWhiteSpace(reason) ? "the goal is reached" : reason;
        return "Noted: finished.";
    }

    [KernelFunction("give_up"), Description("Say that the goal cannot be reached, and why.")]
    public string GiveUp([Description("Why the goal cannot be reached.")] string reason)
    {
        GaveUp = string.IsNullOrWhiteSpace(reason) ? "the model gave up without a reason" : reason;
        return "Noted: giving up.";
    }

    [KernelFunction("locate_element"), Description("Ask the visual locator to find an element on the screenshot from a description, when the snapshot does not show it.")]
    public async Task<string> LocateElementAsync([Description("The element, in words (the blue Pay button).")] string description, CancellationToken cancellationToken)
    {
        if (perception.Locator is null) return "locate_element is not available in this run.";
        if (context.Observation?.Screenshot is not { } screenshot) return "locate_element is not available: no screenshot of this screen.";
        var found = await perception.Locator.LocateAsync(new LocateRequest { Screenshot = screenshot, Text = description, MaxResults = 5 }, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0) return $"Nothing on the screenshot matches \"{description}\".";
        var text = new StringBuilder();
        foreach (var element in found)
        {
            _marks.Add(element);
            var node = NodeAt(element.Box);
            text.Append(CultureInfo.InvariantCulture, $"- [mark=m{_marks.Count}] {element.Kind ?? "region"} \"{element.Text}\" box={element.Box} score={element.Score:0.00}");
            text.AppendLine(node?.Ref is null ? "" : $" (snapshot element {node.Role} \"{node.Name}\" [ref={node.Ref}])");
        }
        // Region texts and element names come from the screen: page text, fenced.
        var fenced = $"{PlannerPrompt.FenceOpen}\n{PlannerPrompt.Defuse(text.ToString().TrimEnd())}\n{PlannerPrompt.FenceClose}\n";
        return fenced + "Act on a snapshot element by its ref; on a region with no snapshot element, pass its mark (m1, m2, …) as the ref: the action is done at that place on the screen.";
    }

    [KernelFunction("check_screen"), Description("Ask the screen check whether the screen shows something (a confirmation, an error).")]
    public async Task<string> CheckScreenAsync([Description("What should be on screen.")] string expectation, CancellationToken cancellationToken)
    {
        if (perception.Verifier is null) return "check_screen is not available in this run.";
        if (context.Observation is not { } observation) return "check_screen is not available: nothing has been observed yet.";
        var step = new PlanStep { Action = ActionKind.Assert, Description = expectation, Expect = expectation, Origin = origin };
        var verdict = await perception.Verifier.VerifyAsync(new ScreenCheck(step, expectation, observation, observation), cancellationToken).ConfigureAwait(false);
        PerceptionUsage += verdict.Usage;
        // The reason quotes what the screen shows: page text, fenced.
        return FormattableString.Invariant($"{verdict.Outcome.ToString().ToLowerInvariant()} (confidence {verdict.Confidence:0.00}):\n{PlannerPrompt.FenceOpen}\n{PlannerPrompt.Defuse(verdict.Reason)}\n{PlannerPrompt.FenceClose}");
    }

    [KernelFunction("classify_intent"), Description("Ask the intent parser which task a text asks for, with its slots (origin, date, ...).")]
    public async Task<string> ClassifyIntentAsync([Description("The text.")] string text, CancellationToken cancellationToken)
    {
        if (perception.Intents is null) return "classify_intent is not available in this run.";
        var result = await perception.Intents.ClassifyAsync(text, cancellationToken).ConfigureAwait(false);
        var slots = string.Join(", ", result.Slots.Select(s => $"{s.Key}={s.Value}"));
        return FormattableString.Invariant($"intent {result.Intent} (confidence {result.Confidence:0.00}); slots: {(slots.Length == 0 ? "none" : slots)}");
    }

    private string Record(ActionKind action, string? reference, string? value, string? reason, string? expect = null, bool sensitive = false)
    {
        var name = action.ToName();
        if (string.IsNullOrWhiteSpace(reference)) return Reject($"{name} needs the element's ref");
        reference = reference.Trim().Trim('[', ']');
        if (reference.StartsWith("ref=", StringComparison.Ordinal)) reference = reference[4..];
        if (reference.StartsWith("mark=", StringComparison.Ordinal)) reference = reference[5..];
        if (MarkNumber(reference) is { } mark)
        {
            if (mark < 1 || mark > _marks.Count) return Reject($"{name}: there is no mark '{reference}'; marks come from locate_element (m1 to m{_marks.Count})");
            if (action is ActionKind.Fill or ActionKind.Type && value is null) return Reject($"{name} needs a value");
            if (value is not null && UnknownPlaceholder(value) is { } unknownValue) return Reject($"{name}: {unknownValue}");
            var region = _marks[mark - 1];
            return Add(new PlanStep
            {
                Action = action,
                Target = new ElementTarget { Box = region.Box, Description = reason ?? region.Text },
                Value = value,
                Description = reason,
                Expect = expect,
                Tags = sensitive ? ["purchase"] : [],
                Origin = origin,
            });
        }
        if (!_byRef.TryGetValue(reference, out var node))
        {
            return Reject($"{name}: there is no element with ref '{reference}' on the current screen; use a ref that appears as [ref=…] in the snapshot");
        }
        if (action is ActionKind.Fill or ActionKind.Type or ActionKind.Select && value is null) return Reject($"{name} needs a value");
        if (value is not null && UnknownPlaceholder(value) is { } unknown) return Reject($"{name}: {unknown}");
        var target = new ElementTarget
        {
            Ref = reference,
            Role = string.IsNullOrEmpty(node.Role) ? null : node.Role,
            Name = string.IsNullOrEmpty(node.Name) ? null : node.Name,
            Exact = !string.IsNullOrEmpty(node.Name),
            Box = node.Box,
            Description = reason ?? (string.IsNullOrEmpty(node.Name) ? node.Role : $"{node.Role} \"{node.Name}\""),
        };
        return Add(new PlanStep
        {
            Action = action,
            Target = target,
            Value = value,
            Description = reason,
            Expect = expect,
            Tags = sensitive ? ["purchase"] : [],
            Origin = origin,
        });
    }

    private string Add(PlanStep step)
    {
        _steps.Add(step);
        return $"Noted: {step}. It runs after your answer; you will see the new screen next turn.";
    }

    private string? UnknownPlaceholder(string value)
    {
        foreach (var (scope, name) in ValueTemplate.Placeholders(value))
        {
            var known = scope switch
            {
                "secrets" => context.SecretNames.Contains(name, StringComparer.Ordinal),
                "inputs" => context.Inputs.ContainsKey(name),
                _ => context.Variables.ContainsKey(name),
            };
            if (!known) return $"${{{scope}.{name}}} is not a known {scope[..^1]}";
        }
        return null;
    }

    private static int? MarkNumber(string reference) =>
        reference.Length > 1 && reference[0] == 'm' && int.TryParse(reference.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private UiNode? NodeAt(BoundingBox box) =>
        _byRef.Values.Where(n => n.Box is not null && n.Box.IntersectionOverUnion(box) > 0.5)
            .OrderByDescending(n => n.Box!.IntersectionOverUnion(box)).FirstOrDefault();

    private static Dictionary<string, UiNode> BuildRefIndex(UiObservation? observation)
    {
        var index = new Dictionary<string, UiNode>(StringComparer.Ordinal);
        if (observation is null) return index;
        var nodes = observation.Nodes.Count > 0 ? observation.Nodes : AriaSnapshotParser.Parse(observation.SnapshotText);
        foreach (var node in nodes.SelectMany(n => n.DescendantsAndSelf()))
        {
            if (node.Ref is not null) index.TryAdd(node.Ref, node);
        }
        return index;
    }
}
