using System.Text.Json;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;

namespace ActionAgent.Vision.Tests;

public sealed class RemoteVerifierTests
{
    private static readonly byte[] Png = new SkiaImageCropper(0).Crop(Blank(), new BoundingBox(0, 0, 8, 8))!;

    private static byte[] Blank()
    {
        using var bitmap = new SkiaSharp.SKBitmap(16, 16);
        bitmap.Erase(SkiaSharp.SKColors.White);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static ScreenCheck Check(string? expectation = "Booking confirmed") => new(
        new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Role = "button", Name = "Pay" } }, expectation,
        new UiObservation { Location = "http://app.test/pay", Screenshot = Png },
        new UiObservation { Location = "http://app.test/done", Screenshot = Png });

    [Fact]
    public async Task The_vision_model_gets_the_screenshot_as_an_image_and_its_json_verdict_is_used()
    {
        await using var server = await ScriptedChatServer.StartAsync(answer: "```json\n{\"outcome\": \"failed\", \"confidence\": 0.8, \"reason\": \"The card was declined.\"}\n```");
        var verifier = SemanticKernelScreenVerifier.ForOpenAICompatible("vision-test", "test-key", server.BaseUrl);

        var verdict = await verifier.VerifyAsync(Check(), CancellationToken.None);

        Assert.Equal(VerdictOutcome.Failed, verdict.Outcome);
        Assert.Equal("The card was declined.", verdict.Reason);
        using var request = JsonDocument.Parse(server.Requests.Single().Body);
        var parts = request.RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").EnumerateArray().ToList();
        var image = parts.Single(p => p.GetProperty("type").GetString() == "image_url").GetProperty("image_url").GetProperty("url").GetString();
        Assert.StartsWith("data:image/png;base64,", image, StringComparison.Ordinal);
        Assert.Contains(parts, p => p.GetProperty("type").GetString() == "text" && p.GetProperty("text").GetString()!.Contains("Booking confirmed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unsure_embedded_check_is_escalated_to_the_vision_model()
    {
        await using var server = await ScriptedChatServer.StartAsync(answer: """{"outcome":"passed","confidence":0.9,"reason":"The confirmation is shown."}""");
        var remote = SemanticKernelScreenVerifier.ForOpenAICompatible("vision-test", "test-key", server.BaseUrl);
        var verifier = new EscalatingScreenVerifier(new FixedVerifier(VerdictOutcome.Unsure), remote);

        var verdict = await verifier.VerifyAsync(Check(), CancellationToken.None);

        Assert.Equal(VerdictOutcome.Passed, verdict.Outcome);
        Assert.Equal("sk:vision-test", verdict.Backend);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_sure_embedded_check_is_not_escalated()
    {
        await using var server = await ScriptedChatServer.StartAsync(answer: """{"outcome":"failed","confidence":0.9,"reason":"x"}""");
        var verifier = new EscalatingScreenVerifier(new FixedVerifier(VerdictOutcome.Passed), SemanticKernelScreenVerifier.ForOpenAICompatible("m", "k", server.BaseUrl));

        var verdict = await verifier.VerifyAsync(Check(), CancellationToken.None);

        Assert.Equal(VerdictOutcome.Passed, verdict.Outcome);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("It looks fine, I think it passed.", VerdictOutcome.Passed)]
    [InlineData("The step failed.", VerdictOutcome.Unsure)]
    [InlineData("{\"outcome\": \"unsure\", \"confidence\": \"0.4\"}", VerdictOutcome.Unsure)]
    public void A_model_answer_without_clean_json_is_read_conservatively(string answer, VerdictOutcome expected) =>
        Assert.Equal(expected, SemanticKernelScreenVerifier.Parse(answer, "sk:test").Outcome);

    private sealed class FixedVerifier(VerdictOutcome outcome) : IScreenVerifier
    {
        public string Name => "fixed";

        public Task<ScreenVerdict> VerifyAsync(ScreenCheck check, CancellationToken cancellationToken) =>
            Task.FromResult(new ScreenVerdict(outcome, 0.4, "fixed", Name));
    }
}
