using ActionAgent.Core.Goals;
using ActionAgent.Embeddings;
using ActionAgent.Planning.Offline.Goals;
using ActionAgent.Planning.Tests.Offline;
using Microsoft.Extensions.Time.Testing;

namespace ActionAgent.Planning.Tests.Goals;

/// <summary>The interpreter the phrasing tests share (real MiniLM model, the clock at 2026-11-28 like the booking tests) and their assertion.</summary>
internal static class GoalReading
{
    public static GoalInterpreter Interpreter { get; } =
        new(MiniLmEmbedder.Shared, new GoalInterpreterOptions { Time = new FakeTimeProvider(OfflineRun.Today) });

    /// <summary>Interprets the goal and asserts every sub-goal, in order, as rendered by <see cref="SubGoalText"/>.</summary>
    public static async Task<GoalInterpretation> AssertReadsAsync(string goal, string[] expected)
    {
        var reading = await Interpreter.InterpretAsync(goal, CancellationToken.None);
        var actual = reading.SubGoals.Select(SubGoalText.Render).ToArray();
        Assert.True(expected.SequenceEqual(actual),
            $"Goal: {goal}\nExpected:\n  {string.Join("\n  ", expected)}\nActual:\n  {string.Join("\n  ", actual)}");
        Assert.Equal(Enumerable.Range(1, actual.Length), reading.SubGoals.Select(s => s.Index));
        Assert.All(reading.SubGoals.Where(s => s.Implied), s => Assert.Equal((ActionFamily.Submit, "press"), (s.Family, s.Verb)));
        return reading;
    }
}
