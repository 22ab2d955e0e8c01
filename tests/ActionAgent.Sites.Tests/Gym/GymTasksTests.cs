using System.Text.Json;
using Microsoft.Playwright;

namespace ActionAgent.Sites.Tests.Gym;

/// <summary>
/// The practice gym is a sound yardstick: every task loads without a script error, starts not done, exposes the
/// goal the manifest lists, and is scored done by its own page after a scripted hand solution (real Playwright
/// input); a wrong action leaves it not done.
/// </summary>
public sealed class GymTasksTests(GymFixture gym) : IClassFixture<GymFixture>
{
    public static TheoryData<string, int> TaskSeeds()
    {
        var data = new TheoryData<string, int>();
        foreach (var task in GymManifest.Load().Tasks)
        {
            foreach (var seed in new[] { 1, 2, 3 }) data.Add(task.Id, seed);
        }
        return data;
    }

    public static TheoryData<string> TasksWithAWrongAction() =>
        new(GymManifest.Load().Tasks.Select(t => t.Id)
            .Where(id => id is "type-and-submit" or "radio-size" or "checkbox-toppings" or "flight-earliest" or "collapsed-panel-save"
                or "dialog-delete-draft" or "cookie-banner" or "bus-shortest" or "plan-cheapest" or "product-cheapest" or "row-delete-user"
                or "todo-tick-nth" or "todo-remove" or "inbox-latest-invoice" or "feed-like-photos" or "shadow-promo" or "canvas-menu"
                or "div-skip-tour" or "menu-export" or "login-access-code" or "quantity-update" or "newsletter-frequency"));

    [Fact]
    public void The_gym_has_at_least_60_tasks_over_at_least_30_patterns()
    {
        Assert.True(gym.Manifest.Tasks.Count >= 60, $"{gym.Manifest.Tasks.Count} tasks");
        Assert.True(gym.Manifest.Tasks.Select(t => t.Pattern).Distinct().Count() >= 30);
        Assert.Equal(gym.Manifest.Tasks.Count, gym.Manifest.Tasks.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_manifest_lists_every_task_the_pages_define_with_the_goals_they_show()
    {
        var errors = new List<string>();
        var page = await gym.OpenAsync(gym.Manifest.Tasks[0].Id, 1, errors);
        try
        {
            var ids = await page.EvaluateAsync<string[]>("Gym.tasks.map(t => t.id)");
            Assert.Equal(ids.Order(StringComparer.Ordinal), gym.Manifest.Tasks.Select(t => t.Id).Order(StringComparer.Ordinal));
            foreach (var task in gym.Manifest.Tasks)
            {
                foreach (var (seed, goal) in task.Goals)
                {
                    var shown = await page.EvaluateAsync<string>(
                        "([id, seed]) => { const box = document.createElement('div'); const goal = Gym.render(id, seed, box).goalText; return goal; }",
                        new object[] { task.Id, seed });
                    Assert.True(goal == shown, $"{task.Id} seed {seed}: tasks.json says \"{goal}\", the page says \"{shown}\" (regenerate tasks.json from manifest.html)");
                }
            }
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(TaskSeeds))]
    public async Task The_task_starts_undone_and_its_hand_solution_makes_the_page_score_it_done(string id, int seed)
    {
        var errors = new List<string>();
        var page = await gym.OpenAsync(id, seed, errors);
        try
        {
            Assert.Equal(gym.Manifest.Tasks.Single(t => t.Id == id).Goals[seed], await page.EvaluateAsync<string>("window.__goal"));
            var before = await ScoreAsync(page);
            Assert.False(before.Done, $"{id} seed {seed} is done before anything was done: {before.Detail}");

            await GymSteps.RunAsync(page, await page.EvaluateAsync<JsonElement>("window.__solution"));

            var after = await WaitForDoneAsync(page);
            Assert.True(after.Done, $"{id} seed {seed} after the hand solution: {after.Detail}");
            Assert.Empty(errors);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(TasksWithAWrongAction))]
    public async Task A_wrong_action_leaves_the_task_undone(string id)
    {
        foreach (var seed in new[] { 1, 2 })
        {
            var errors = new List<string>();
            var page = await gym.OpenAsync(id, seed, errors);
            try
            {
                var wrong = await page.EvaluateAsync<JsonElement>("window.__wrong");
                Assert.Equal(JsonValueKind.Object, wrong.ValueKind);
                await GymSteps.RunAsync(page, wrong.GetProperty("steps"));
                await page.WaitForTimeoutAsync(100);
                var score = await ScoreAsync(page);
                Assert.False(score.Done, $"{id} seed {seed} is scored done after a wrong action: {score.Detail}");

                if (wrong.GetProperty("irreversible").GetBoolean())
                {
                    // A wrong action that cannot be taken back stays on the record, even if the right one follows.
                    await page.ReloadAsync();
                    await GymSteps.RunAsync(page, wrong.GetProperty("steps"));
                    await GymSteps.RunAsync(page, await page.EvaluateAsync<JsonElement>("window.__solution"), skipImpossible: true);
                    await page.WaitForTimeoutAsync(100);
                    score = await ScoreAsync(page);
                    Assert.False(score.Done, $"{id} seed {seed} is scored done after a wrong action and then the right one: {score.Detail}");
                }
                Assert.Empty(errors);
            }
            finally
            {
                await page.CloseAsync();
            }
        }
    }

    private static async Task<GymScore> WaitForDoneAsync(IPage page)
    {
        var score = await ScoreAsync(page);
        for (var i = 0; i < 20 && !score.Done; i++)
        {
            await page.WaitForTimeoutAsync(50);
            score = await ScoreAsync(page);
        }
        return score;
    }

    private static async Task<GymScore> ScoreAsync(IPage page)
    {
        var score = await page.EvaluateAsync<JsonElement>("({ done: window.__score.done, detail: window.__score.detail })");
        return new GymScore(score.GetProperty("done").GetBoolean(), score.GetProperty("detail").GetString() ?? "");
    }

    private sealed record GymScore(bool Done, string Detail);
}
