using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Tests.Observation;

/// <summary>A time asked for in separate lists: which option each list needs, and when the lists show the time.</summary>
public sealed class ClockFieldsTests
{
    private const string TwelveHour = """
        - group "Starts at":
          - combobox "Hr":
            - option "1" [selected]
            - option "2"
            - option "3"
            - option "4"
            - option "5"
            - option "6"
            - option "7"
            - option "8"
            - option "9"
            - option "10"
            - option "11"
            - option "12"
          - combobox "Min":
            - option "00" [selected]
            - option "15"
            - option "30"
            - option "45"
          - combobox "Period":
            - option "AM" [selected]
            - option "PM"
        """;

    private static UiObservation Screen(string snapshot) =>
        new() { Location = "http://app.test/", Title = "App", SnapshotText = snapshot, Nodes = AriaSnapshotParser.Parse(snapshot) };

    private static string Choose(string snapshot, string list, string option)
    {
        var start = snapshot.IndexOf($"combobox \"{list}\"", StringComparison.Ordinal);
        var end = snapshot.IndexOf("combobox", start + 1, StringComparison.Ordinal) is var e and > 0 ? e : snapshot.Length;
        var part = snapshot[start..end].Replace(" [selected]", "", StringComparison.Ordinal).Replace($"option \"{option}\"", $"option \"{option}\" [selected]", StringComparison.Ordinal);
        return snapshot[..start] + part + snapshot[end..];
    }

    [Fact]
    public void An_evening_time_needs_the_twelve_hour_hour_its_minute_and_PM()
    {
        var choices = ClockFields.Choices(Screen(TwelveHour).AllNodes(), "19:45");

        Assert.NotNull(choices);
        Assert.Equal(["Hr=7", "Min=45", "Period=PM"], choices.Select(c => $"{c.Field.Name}={c.Option}"));
    }

    [Fact]
    public void A_minute_the_list_does_not_offer_and_a_page_without_an_hour_list_give_no_choices()
    {
        Assert.Null(ClockFields.Choices(Screen(TwelveHour).AllNodes(), "19:40"));
        Assert.Null(ClockFields.Choices(Screen("- combobox \"Size\":\n  - option \"S\"\n  - option \"M\"").AllNodes(), "19:45"));
    }

    [Fact]
    public void The_value_set_is_seen_only_when_every_list_shows_its_part()
    {
        var effect = new ExpectedEffect(EffectKind.ValueSet, "time", "19:45");
        var all = Choose(Choose(Choose(TwelveHour, "Hr", "7"), "Min", "45"), "Period", "PM");
        var morning = Choose(Choose(TwelveHour, "Hr", "7"), "Min", "45");

        var set = EffectEvaluator.Evaluate(effect, Screen(TwelveHour), Screen(all));
        var wrongHalf = EffectEvaluator.Evaluate(effect, Screen(TwelveHour), Screen(morning));

        Assert.True(set.Observed, set.Detail);
        Assert.False(wrongHalf.Observed, wrongHalf.Detail); // 7:45 AM is not 19:45
    }
}
