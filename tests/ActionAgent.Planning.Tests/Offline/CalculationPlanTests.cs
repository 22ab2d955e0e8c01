using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Embeddings;
using ActionAgent.Planning.Offline;
using ActionAgent.Planning.Tests.Goals;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>
/// A calculation planned on a keypad screen: the expression goes into the one field there is, though it has no words
/// of its own (no name, label or placeholder), and the "=" control is found by its symbol.
/// </summary>
public sealed class CalculationPlanTests
{
    private const string Keypad = """
        - window "Calculator" [ref=d1]:
          - textbox [ref=d2]
          - button "7" [ref=d3]
          - button "6" [ref=d4]
          - button "×" [ref=d5]
          - button "+" [ref=d6]
          - button "=" [ref=d7]
          - button "C" [ref=d8]
        """;

    [Fact]
    public async Task The_expression_is_typed_into_the_lone_unnamed_field_and_then_equals_is_pressed()
    {
        var reading = await GoalReading.Interpreter.InterpretAsync("Compute 7 × 6", CancellationToken.None);
        var planner = new OfflinePlanner(MiniLmEmbedder.Shared);
        var screen = new UiObservation { Location = "desktop:calculator", SnapshotText = Keypad, Nodes = AriaSnapshotParser.Parse(Keypad) };

        var first = await planner.NextAsync(new PlanningContext { Goal = "Compute 7 × 6", Observation = screen, SubGoals = reading.SubGoals }, CancellationToken.None);

        var fill = Assert.Single(first.Steps);
        Assert.Equal((ActionKind.Fill, "d2", "7 × 6"), (fill.Action, fill.Target!.Ref, fill.Value));

        var typed = Keypad.Replace("- textbox [ref=d2]", "- textbox [ref=d2]: 7 × 6", StringComparison.Ordinal);
        var after = new UiObservation { Location = "desktop:calculator", SnapshotText = typed, Nodes = AriaSnapshotParser.Parse(typed) };
        ExecutedStep[] history = [new(fill, true, null)];
        var second = await planner.NextAsync(new PlanningContext
        {
            Goal = "Compute 7 × 6", Observation = after, SubGoals = reading.SubGoals, AchievedSubGoals = new HashSet<int> { 1 }, History = history,
        }, CancellationToken.None);

        var press = Assert.Single(second.Steps);
        Assert.Equal((ActionKind.Click, "d7"), (press.Action, press.Target!.Ref));
    }
}
