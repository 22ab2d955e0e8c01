using System.Net.Http.Json;
using System.Text.Json;
using ActionAgent.Browser;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using ActionAgent.Planning.SemanticKernel;
using ActionAgent.Sites;

namespace ActionAgent.Planning.Tests.SemanticKernel;

/// <summary>
/// The LLM path end to end: the real run engine and Playwright driver, the SK planner through Semantic Kernel's
/// OpenAI connector, a loopback chat server whose scripted policy reads each request's snapshot, and SkyFare.
/// </summary>
public sealed class SkyFareBookingEndToEndTests : IAsyncLifetime
{
    private const string Card = "4242 4242 4242 4242";
    private SiteHost _site = null!;
    private ScriptedChatServer _server = null!;
    private PlaywrightDriver _driver = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _site = await SiteHost.StartAsync(SiteCatalog.Resolve(SiteCatalog.FindSitesRoot(AppContext.BaseDirectory)!, "skyfare"));
        _server = await ScriptedChatServer.StartAsync();
        _driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions());
        _folder = Path.Combine(Path.GetTempPath(), "actionagent-llm-" + Guid.NewGuid().ToString("N"));
    }

    public async Task DisposeAsync()
    {
        await _driver.DisposeAsync();
        await _server.DisposeAsync();
        await _site.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_LLM_planner_books_the_cheapest_flight_on_SkyFare_replanning_after_a_failed_step()
    {
        var policy = new SkyFareBookingPolicy();
        _server.Policy = policy.Answer;
        // A rate limit on the very first call: the run must get past it without noticing.
        _server.Enqueue(ScriptedReply.RateLimited(retryAfterSeconds: 0));
        var planner = SemanticKernelPlanner.Create(new LlmPlannerOptions
        {
            Backend = LlmBackend.Compatible,
            Model = "scripted-model",
            Endpoint = _server.BaseUrl,
            Retry = new HttpRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10), UseJitter = false },
            Prices = new Dictionary<string, ModelPrice> { ["scripted-model"] = new(1m, 2m) },
        });
        var scenario = new Scenario
        {
            Name = "llm-book-flight",
            Goal = "Book the cheapest one-way flight from London to Paris on 24 December 2026",
            App = new AppSpec { Browser = new BrowserAppSpec("site:skyfare") },
            Inputs = new Dictionary<string, string>
            {
                ["passenger.first_name"] = "Ada", ["passenger.last_name"] = "Lovelace", ["passenger.email"] = "ada@example.com",
            },
            Secrets = new Dictionary<string, SecretSource> { ["card_number"] = new("SKYFARE_CARD") },
            Policy = new RunPolicy { MaxSteps = 40, Retries = 0, StepTimeout = TimeSpan.FromSeconds(3), MaxReplans = 2, Timeout = TimeSpan.FromMinutes(2) },
            Expect = [new Expectation { Text = "Booking confirmed" }],
        };
        var engine = new RunEngine(_driver, planner, new RecordingWriter(_folder));

        var result = await engine.RunAsync(new RunRequest
        {
            Scenario = scenario,
            Secrets = new SecretVault(new Dictionary<string, string> { ["card_number"] = Card }),
            StartUrl = new Uri(_site.BaseAddress, "?today=2026-11-28").ToString(),
        }, CancellationToken.None);

        if (!result.Succeeded) await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "actionagent-llm-last-prompt.txt"), _server.Requests.Last().Prompt);
        Assert.True(result.Succeeded, $"{result.Reason}\nmodel decisions: {string.Join(", ", policy.Decisions)}");
        Assert.True(policy.MadeMistake);
        Assert.Equal(1, result.Replans);

        using var http = new HttpClient { BaseAddress = _site.BaseAddress };
        var bookings = await http.GetFromJsonAsync<JsonElement>("api/bookings");
        var booking = Assert.Single(bookings.EnumerateArray());
        Assert.Equal(("LHR", "CDG", "2026-12-24"), (booking.GetProperty("origin").GetString(), booking.GetProperty("destination").GetString(), booking.GetProperty("date").GetString()));
        Assert.Equal(policy.CheapestPrice, booking.GetProperty("pricePerPerson").GetInt32());
        Assert.Equal("Lovelace", booking.GetProperty("passengers")[0].GetProperty("lastName").GetString());
        Assert.Equal("4242", booking.GetProperty("cardLast4").GetString());

        // Tokens: every answered request was counted (the 429 carried none), and cost follows the price table.
        var answered = _server.Requests.Count - 1;
        Assert.Equal(answered, result.Usage.Calls);
        Assert.Equal(answered * 20, result.Usage.CompletionTokens);
        Assert.True(result.Usage.PromptTokens > answered * 1000);
        Assert.Equal(((result.Usage.PromptTokens * 1m) + (result.Usage.CompletionTokens * 2m)) / 1_000_000m, result.Usage.Cost);

        // The card number never reached the model, not even from the filled field on the page.
        Assert.All(_server.Requests, r => Assert.DoesNotContain("4242 4242", r.Body, StringComparison.Ordinal));
        Assert.All(_server.Requests, r => Assert.DoesNotContain("4242424242424242", r.Body, StringComparison.Ordinal));

        // The recording shows the replan and why, and the usage.
        var recording = await File.ReadAllTextAsync(Path.Combine(_folder, "recording.json"));
        Assert.Contains("\"replan\"", recording, StringComparison.Ordinal);
        Assert.Contains("after failure", recording, StringComparison.Ordinal);
    }
}
