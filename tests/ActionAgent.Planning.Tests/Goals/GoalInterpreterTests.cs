using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;
using ActionAgent.Embeddings;
using ActionAgent.Planning.Offline;
using ActionAgent.Planning.Offline.Goals;
using ActionAgent.Planning.Tests.Offline;
using Microsoft.Extensions.Time.Testing;

namespace ActionAgent.Planning.Tests.Goals;

public sealed class GoalInterpreterTests
{
    [Fact]
    public async Task A_verb_from_a_user_verbs_file_is_used()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var file = Path.Combine(folder, "verbs.yaml");
        await File.WriteAllTextAsync(file, """
            verbs:
              - family: remove
                effect: item-disappeared
                words: [yeet]
            """);
        var interpreter = new GoalInterpreter(MiniLmEmbedder.Shared, new GoalInterpreterOptions { ExtraVerbFiles = [file] });

        var reading = await interpreter.InterpretAsync("Yeet the item \"old shoes\"", CancellationToken.None);

        var step = Assert.Single(reading.SubGoals);
        Assert.Equal((ActionFamily.Remove, "yeet", EffectKind.ItemDisappeared, "old shoes"), (step.Family, step.Verb, step.Effect.Kind, step.Effect.Value));
        Assert.Equal(1, reading.Confidence);
    }

    [Fact]
    public async Task A_user_verbs_file_comes_before_the_built_in_meaning_of_a_verb()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "verbs.yaml");
        await File.WriteAllTextAsync(file, """
            verbs:
              - family: toggle
                state: on
                words: [star]
            """);
        var interpreter = new GoalInterpreter(MiniLmEmbedder.Shared, new GoalInterpreterOptions { ExtraVerbFiles = [file] });

        var builtIn = (await GoalReading.Interpreter.InterpretAsync("Star the second message", CancellationToken.None)).SubGoals.Single();
        var user = (await interpreter.InterpretAsync("Star the second message", CancellationToken.None)).SubGoals.Single();

        Assert.Equal(ActionFamily.Activate, builtIn.Family);
        Assert.Equal((ActionFamily.Toggle, EffectKind.Checked, true, 2), (user.Family, user.Effect.Kind, user.Qualifiers.DesiredState, user.Qualifiers.Ordinal));
    }

    [Fact]
    public void The_verbs_file_of_a_skills_folder_is_found_and_is_not_read_as_a_skill()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(folder, "verbs.yaml"), "verbs:\n  - family: remove\n    words: [yeet]\n");
        File.WriteAllText(Path.Combine(folder, "greet.yaml"), "name: greet\nexemplars: [say hello]\nsteps:\n  - do: click\n    target: Hello\n");

        var verbFiles = GoalInterpreterOptions.VerbFilesOfSkillsFolder(folder);
        var catalog = SkillCatalog.WithFolder(folder);

        Assert.Equal([Path.Combine(folder, "verbs.yaml")], verbFiles);
        Assert.Contains(catalog.Skills, s => s.Name == "greet");
        Assert.DoesNotContain(catalog.Skills, s => s.Source.EndsWith("verbs.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_verbs_file_is_reported_with_the_file_the_entry_and_the_field()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "verbs.yaml");
        await File.WriteAllTextAsync(file, "verbs:\n  - family: dance\n    words: [boogie]\n");

        var error = Assert.Throws<FormatException>(() => new GoalInterpreter(MiniLmEmbedder.Shared, new GoalInterpreterOptions { ExtraVerbFiles = [file] }));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("verbs[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("family 'dance'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Obliterate the item \"old shoes\"", ActionFamily.Remove)]
    [InlineData("Annihilate the second row", ActionFamily.Remove)]
    [InlineData("Jot \"call mum\" on my list", ActionFamily.EnterText)]
    public async Task An_unseen_synonym_maps_to_the_nearest_family_by_embeddings(string goal, ActionFamily family)
    {
        var reading = await GoalReading.Interpreter.InterpretAsync(goal, CancellationToken.None);

        Assert.Equal(family, reading.SubGoals[0].Family);
        Assert.InRange(reading.Confidence, 0.5, 0.99);
        Assert.Empty(reading.Unparsed);
    }

    [Theory]
    [InlineData("blorp fizzle wug")]
    [InlineData("Zorgle the frumious bandersnatch")]
    public async Task Nonsense_is_not_refused_but_comes_back_with_low_confidence_and_its_words_unplaced(string goal)
    {
        var reading = await GoalReading.Interpreter.InterpretAsync(goal, CancellationToken.None);

        Assert.NotEmpty(reading.SubGoals);
        Assert.InRange(reading.Confidence, 0, 0.3);
        Assert.Equal(goal.Split(' '), reading.Unparsed);
    }

    [Fact]
    public async Task An_empty_goal_is_not_refused()
    {
        var reading = await GoalReading.Interpreter.InterpretAsync("   ", CancellationToken.None);

        Assert.Single(reading.SubGoals);
        Assert.Equal(0, reading.Confidence);
    }

    [Fact]
    public async Task A_verbless_goal_is_a_best_guess_with_less_than_full_confidence()
    {
        var reading = await GoalReading.Interpreter.InterpretAsync("Cheapest flight LHR to CDG on 2026-12-20", CancellationToken.None);

        Assert.Equal(ActionFamily.Pick, reading.SubGoals[^1].Family);
        Assert.InRange(reading.Confidence, 0.4, 0.9);
    }

    [Theory]
    [InlineData("Set the date to 03/04/2027", GoalValueKind.Date, "2027-03-04")]
    [InlineData("Set the date to 3 March 2027", GoalValueKind.Date, "2027-03-03")]
    [InlineData("Set the date to 24 December", GoalValueKind.Date, "2026-12-24")]
    [InlineData("Set the date to December 24, 2027", GoalValueKind.Date, "2027-12-24")]
    [InlineData("Set the date to 24.12.2026", GoalValueKind.Date, "2026-12-24")]
    [InlineData("Set the date to 2027-01-15", GoalValueKind.Date, "2027-01-15")]
    [InlineData("Set the date to the 5th of January", GoalValueKind.Date, "2027-01-05")]
    [InlineData("Set the date to tomorrow", GoalValueKind.Date, "2026-11-29")]
    [InlineData("Set the date to the day after tomorrow", GoalValueKind.Date, "2026-11-30")]
    [InlineData("Set the date to next Friday", GoalValueKind.Date, "2026-12-04")]
    [InlineData("Set the date to in 3 days", GoalValueKind.Date, "2026-12-01")]
    [InlineData("Set the time to 3pm", GoalValueKind.Time, "15:00")]
    [InlineData("Set the time to 15:30", GoalValueKind.Time, "15:30")]
    [InlineData("Set the time to 9:05 am", GoalValueKind.Time, "09:05")]
    [InlineData("Set the time to noon", GoalValueKind.Time, "12:00")]
    [InlineData("Set the amount to €12.50", GoalValueKind.Number, "12.50")]
    public async Task Dates_times_and_numbers_in_common_forms_are_normalised(string goal, GoalValueKind kind, string text)
    {
        var step = (await GoalReading.Interpreter.InterpretAsync(goal, CancellationToken.None)).SubGoals.Single();

        Assert.Equal(ActionFamily.EnterText, step.Family);
        Assert.Equal(kind, step.Values.Single().Kind);
        Assert.Equal(text, step.Values.Single().Text);
        Assert.Equal((EffectKind.ValueSet, text), (step.Effect.Kind, step.Effect.Value));
    }

    [Fact]
    public async Task Relative_dates_are_read_against_the_time_provider()
    {
        var later = new GoalInterpreter(MiniLmEmbedder.Shared, new GoalInterpreterOptions { Time = new FakeTimeProvider(OfflineRun.Today.AddDays(10)) });

        var now = await GoalReading.Interpreter.InterpretAsync("Book a table for tomorrow", CancellationToken.None);
        var then = await later.InterpretAsync("Book a table for tomorrow", CancellationToken.None);

        Assert.Equal("2026-11-29", now.SubGoals.SelectMany(s => s.Values).Single(v => v.Kind == GoalValueKind.Date).Text);
        Assert.Equal("2026-12-09", then.SubGoals.SelectMany(s => s.Values).Single(v => v.Kind == GoalValueKind.Date).Text);
    }

    [Theory]
    [InlineData("click Sign in")]
    [InlineData("tap the Continue button")]
    [InlineData("type Ada into the first name field")]
    [InlineData("fill Email with ada@example.com")]
    [InlineData("enter 42 in Age")]
    [InlineData("select Blue from Colour")]
    [InlineData("choose Express from Shipping")]
    [InlineData("check Remember me")]
    [InlineData("tick Subscribe")]
    [InlineData("uncheck Newsletter")]
    [InlineData("untick Marketing emails")]
    [InlineData("press Enter")]
    [InlineData("press Tab in the search box")]
    [InlineData("go to example.com")]
    [InlineData("navigate to /checkout")]
    [InlineData("scroll to Footer")]
    [InlineData("hover over Profile")]
    [InlineData("wait for Welcome")]
    [InlineData("click Sign in and type ada@example.com into Email, then press Enter")]
    public async Task Every_plain_command_is_read_with_the_family_of_its_action(string goal)
    {
        Assert.True(PlainCommandParser.TryParse(goal, out var commands));
        var reading = await GoalReading.Interpreter.InterpretAsync(goal, CancellationToken.None);

        Assert.Equal(commands.Select(c => Family(c.Action)), reading.SubGoals.Select(s => s.Family));
        foreach (var (command, step) in commands.Zip(reading.SubGoals))
        {
            if (command.Action is ActionKind.Check or ActionKind.Uncheck) Assert.Equal(command.Action == ActionKind.Check, step.Qualifiers.DesiredState);
            if (command.Action is ActionKind.Type or ActionKind.Fill or ActionKind.Select or ActionKind.Press or ActionKind.Goto)
            {
                Assert.Equal(command.Value, step.Values.Single().Text);
            }
            if (command.Target is { } target && command.Action is not (ActionKind.Goto or ActionKind.WaitFor)) Assert.Equal(Words(target), Words(step.Object));
        }
    }

    private static ActionFamily Family(ActionKind kind) => kind switch
    {
        ActionKind.Click or ActionKind.Press => ActionFamily.Activate,
        ActionKind.Type or ActionKind.Fill => ActionFamily.EnterText,
        ActionKind.Select => ActionFamily.Choose,
        ActionKind.Check or ActionKind.Uncheck => ActionFamily.Toggle,
        ActionKind.Goto => ActionFamily.Navigate,
        ActionKind.Scroll => ActionFamily.Scroll,
        ActionKind.Hover => ActionFamily.Hover,
        ActionKind.WaitFor => ActionFamily.Wait,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Words(string text) => string.Join(' ', TextTokens.Content(text).Order(StringComparer.Ordinal));
}
