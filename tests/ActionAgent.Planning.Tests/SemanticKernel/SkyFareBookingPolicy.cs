using System.Globalization;
using ActionAgent.Core.Observation;

namespace ActionAgent.Planning.Tests.SemanticKernel;

/// <summary>
/// A tiny scripted "model" for the fake server: it reads the snapshot in each request (as a real model would),
/// finds the elements it wants by role and name, and answers with tool calls on their refs. It makes one deliberate
/// mistake (clicking the disabled "Return" radio) so the run has to replan.
/// </summary>
public sealed class SkyFareBookingPolicy
{
    public bool MadeMistake { get; private set; }

    public int? CheapestPrice { get; private set; }

    public List<string> Decisions { get; } = [];

    public ScriptedReply Answer(ChatRequest request)
    {
        var prompt = request.Prompt;
        var nodes = ScreenOf(prompt).SelectMany(n => n.DescendantsAndSelf()).ToList();
        var reply = Decide(prompt, nodes, out var what);
        Decisions.Add(what);
        return reply.WithUsage(1000 + (prompt.Length / 4), 20);
    }

    private ScriptedReply Decide(string prompt, List<UiNode> nodes, out string what)
    {
        UiNode? Find(string role, string name) => nodes.FirstOrDefault(n => n.Role == role && n.Name == name && n.Ref is not null && !n.IsDisabled);
        UiNode? Starting(string role, string prefix) => nodes.FirstOrDefault(n => n.Role == role && n.Name.StartsWith(prefix, StringComparison.Ordinal) && n.Ref is not null);
        // A field's text is its value, or (when it has a placeholder) a text child.
        bool Empty(UiNode? node) => node is not null && string.IsNullOrEmpty(node.Value) && !node.Children.Any(c => c.Role == "text" && !string.IsNullOrEmpty(c.Value ?? c.Name));

        if (Find("heading", "Booking confirmed") is not null) return Say(out what, "finish", ScriptedReply.Tools(("finish", new { reason = "the page says Booking confirmed" })));
        if (Find("button", "Accept all") is { } accept) return Say(out what, "cookies", Click(accept, "accept cookies"));
        if (nodes.Any(n => n.InnerText().Contains("Processing payment", StringComparison.Ordinal) || n.InnerText().Contains("Searching flights", StringComparison.Ordinal)))
        {
            var awaited = nodes.Any(n => n.InnerText().Contains("Processing payment", StringComparison.Ordinal)) ? "Booking confirmed" : "flights found";
            return Say(out what, "wait", ScriptedReply.Tools(("wait_for_text", new { text = awaited })));
        }

        if (Find("textbox", "Card number") is { } card)
        {
            if (Empty(card))
            {
                return Say(out what, "card", ScriptedReply.Tools(
                    ("fill", new { @ref = card.Ref, value = "${secrets.card_number}" }),
                    ("fill", new { @ref = Find("textbox", "Name on card")!.Ref, value = "Ada Lovelace" }),
                    ("fill", new { @ref = Find("textbox", "Expiry (MM/YY)")!.Ref, value = "12/29" }),
                    ("fill", new { @ref = Find("textbox", "CVC")!.Ref, value = "123" })));
            }
            return Say(out what, "pay", ScriptedReply.Tools(("click", new { @ref = Starting("button", "Pay")!.Ref, reason = "pay", sensitive = true })));
        }
        if (Find("textbox", "First name") is { } first)
        {
            if (Empty(first))
            {
                return Say(out what, "passenger", ScriptedReply.Tools(
                    ("fill", new { @ref = first.Ref, value = "${inputs.passenger.first_name}" }),
                    ("fill", new { @ref = Find("textbox", "Last name")!.Ref, value = "${inputs.passenger.last_name}" }),
                    ("fill", new { @ref = Find("textbox", "Email")!.Ref, value = "${inputs.passenger.email}" })));
            }
            return Say(out what, "to payment", Click(Find("button", "Continue to payment")!, "continue"));
        }
        if (Find("radiogroup", "Choose your fare") is not null) return Say(out what, "fare", Click(Find("button", "Continue")!, "keep the Basic fare"));

        var selects = nodes.Where(n => n.Role == "button" && n.Name.StartsWith("Select flight", StringComparison.Ordinal) && n.Ref is not null).ToList();
        if (selects.Count > 0)
        {
            var cheapest = selects.MinBy(PriceOf)!;
            CheapestPrice = PriceOf(cheapest);
            return Say(out what, "cheapest", Click(cheapest, "the cheapest flight"));
        }

        if (Find("combobox", "From") is { } from)
        {
            if (!MadeMistake)
            {
                // The deliberate mistake: a disabled radio cannot be clicked; the engine must replan.
                MadeMistake = true;
                var returnRadio = nodes.First(n => n.Role == "radio" && n.Name == "Return");
                return Say(out what, "mistake", Click(returnRadio, "a return trip"));
            }
            if (Find("option", "London (LHR)") is { } london) return Say(out what, "from option", Click(london, "London Heathrow"));
            if (Find("option", "Paris (CDG)") is { } paris) return Say(out what, "to option", Click(paris, "Paris CDG"));
            // Typed but no suggestions yet (the list shows 150 ms after the last key, and the page may be read before):
            // wait for them, as a model that sees its own text in the field would, instead of typing it again (which
            // starts the wait over, and on a fast machine never ended).
            if (from.Value is "London") return Say(out what, "from wait", ScriptedReply.Tools(("wait_for_text", new { text = "Heathrow" })));
            if (from.Value is not "London (LHR)") return Say(out what, "from", ScriptedReply.Tools(("type_text", new { @ref = from.Ref, text = "London" })));
            var to = Find("combobox", "To")!;
            if (to.Value is "Paris") return Say(out what, "to wait", ScriptedReply.Tools(("wait_for_text", new { text = "Charles de Gaulle" })));
            if (to.Value is not "Paris (CDG)") return Say(out what, "to", ScriptedReply.Tools(("type_text", new { @ref = to.Ref, text = "Paris" })));
            var date = Find("textbox", "Departure date")!;
            if (Empty(date)) return Say(out what, "date", ScriptedReply.Tools(("fill", new { @ref = date.Ref, value = "2026-12-24" })));
            return Say(out what, "search", Click(Find("button", "Search flights")!, "search"));
        }
        return Say(out what, "lost", ScriptedReply.Tools(("give_up", new { reason = "unknown screen: " + prompt[^Math.Min(prompt.Length, 1500)..] })));
    }

    private static ScriptedReply Say(out string what, string label, ScriptedReply reply)
    {
        what = label;
        return reply;
    }

    private static ScriptedReply Click(UiNode node, string reason) => ScriptedReply.Tools(("click", new { @ref = node.Ref, reason }));

    private static int PriceOf(UiNode button) =>
        int.Parse(button.Name[(button.Name.LastIndexOf('€') + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static IReadOnlyList<UiNode> ScreenOf(string prompt)
    {
        // The screen is the last fenced section (history, failures and variables are fenced too, before it).
        var start = prompt.LastIndexOf("<untrusted_page>", StringComparison.Ordinal);
        var end = prompt.LastIndexOf("</untrusted_page>", StringComparison.Ordinal);
        return start < 0 || end < 0 ? [] : AriaSnapshotParser.Parse(prompt[start..end]);
    }
}
