using ActionAgent.Core.Scenarios;

namespace ActionAgent.Core.Tests.Scenarios;

public sealed class DurationSyntaxTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("90s", 90_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("90", 90_000)]
    [InlineData("2.5", 2_500)]
    [InlineData("1.5s", 1_500)]
    public void Duration_forms_parse_to_the_right_length(string text, int milliseconds)
    {
        Assert.True(DurationSyntax.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Fact]
    public void A_long_run_of_numbers_and_units_that_is_no_duration_is_refused_at_once()
    {
        // Found by the scenario fuzzer: "930h30h30h…" (900 characters) ending in a stray character kept the loader's
        // duration check backtracking for minutes. Both duration patterns now match in linear time.
        var text = "9" + string.Concat(Enumerable.Repeat("30h", 300)) + "30'";
        var yaml = $"name: n\ngoal: g\napp: {{ browser: {{ start: \"site:skyfare\" }} }}\npolicy:\n  timeout: {text}\n";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var parsed = DurationSyntax.TryParse(text, out _);
        var result = ScenarioLoader.Parse(yaml, "fuzz.yaml");

        Assert.False(parsed);
        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.ToString().Contains("policy.timeout", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("99999999999h")]
    [InlineData("99999999999999999999999999999999s")]
    [InlineData("1e400")]
    public void A_duration_too_large_for_a_TimeSpan_is_refused_not_an_overflow(string text)
    {
        Assert.False(DurationSyntax.TryParse(text, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("0")]
    [InlineData("0s")]
    [InlineData("-5s")]
    [InlineData("5 s")]
    [InlineData("5d")]
    public void Non_durations_and_zero_are_refused(string text)
    {
        Assert.False(DurationSyntax.TryParse(text, out _));
    }

    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(90_000, "1m30s")]
    [InlineData(7_200_000, "2h")]
    public void Format_writes_the_shortest_form(int milliseconds, string expected)
    {
        Assert.Equal(expected, DurationSyntax.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
