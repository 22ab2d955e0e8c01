using System.Globalization;
using System.Text.Json;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ActionAgent.Vision;

/// <summary>
/// The remote screen check: a vision chat model through Semantic Kernel (any OpenAI-compatible server), shown the
/// after-screenshot as image content with the step and its expectation, answering a JSON verdict.
/// </summary>
public sealed class SemanticKernelScreenVerifier : IScreenVerifier
{
    internal const string Instructions = """
        You check a UI automation step by looking at the screenshot taken after it.
        Answer with JSON only: {"outcome": "passed" | "failed" | "unsure", "confidence": 0.0-1.0, "reason": "one sentence"}.
        "failed" only when the screenshot clearly shows the step did not have the expected effect (an error or validation
        message, the wrong page, nothing happened); "unsure" when you cannot tell.
        """;

    private readonly IChatCompletionService _chat;

    /// <summary>Creates the check over a chat completion service that accepts image content.</summary>
    public SemanticKernelScreenVerifier(IChatCompletionService chat, string modelName)
    {
        _chat = chat ?? throw new ArgumentNullException(nameof(chat));
        Name = $"sk:{modelName}";
    }

    /// <summary>Creates the check for an OpenAI-compatible endpoint (<c>http://127.0.0.1:11434/v1</c>, or null for OpenAI).</summary>
    public static SemanticKernelScreenVerifier ForOpenAICompatible(string modelId, string apiKey, Uri? endpoint)
    {
        var builder = Kernel.CreateBuilder();
        if (endpoint is null) builder.AddOpenAIChatCompletion(modelId, apiKey);
        else builder.AddOpenAIChatCompletion(modelId: modelId, endpoint: endpoint, apiKey: apiKey);
        return new SemanticKernelScreenVerifier(builder.Build().GetRequiredService<IChatCompletionService>(), modelId);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async Task<ScreenVerdict> VerifyAsync(ScreenCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.After.Screenshot is not { } shot)
        {
            return new ScreenVerdict(VerdictOutcome.Unsure, 0, "No screenshot was taken after the step, so the vision model was not asked.", Name);
        }
        var history = new ChatHistory(Instructions);
        var question = $"""
            Step: {check.Step.Action.ToName()} {check.Step.Target?.ToString() ?? ""}{(check.Step.Value is null || IsSecretLike(check.Step) ? "" : $" value \"{check.Step.Value}\"")}
            Expected on screen: {check.Expectation ?? "that the step had its normal effect"}
            Page: {check.After.Title} ({check.After.Location}); before the step: {check.Before.Title} ({check.Before.Location})
            """;
        history.AddUserMessage([new TextContent(question), new ImageContent(shot, "image/png")]);
        var answer = await _chat.GetChatMessageContentAsync(history, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Parse(answer.Content ?? "", Name) with { Usage = UsageOf(answer) };
    }

    // Every model call counts toward the run's budgets, even when the endpoint reports no token counts.
    private static ModelUsage UsageOf(ChatMessageContent answer) =>
        answer.Metadata?.TryGetValue("Usage", out var value) == true && value is OpenAI.Chat.ChatTokenUsage tokens
            ? new ModelUsage(tokens.InputTokenCount, tokens.OutputTokenCount, 0m, 1)
            : new ModelUsage(0, 0, 0m, 1);

    private static bool IsSecretLike(PlanStep step) => step.Value?.Contains("${secrets.", StringComparison.Ordinal) == true;

    /// <summary>Reads a verdict from a model's answer: JSON (possibly in a code fence or among words), else keywords.</summary>
    internal static ScreenVerdict Parse(string answer, string backend)
    {
        var evidence = new Dictionary<string, string>(StringComparer.Ordinal) { ["modelAnswer"] = answer.Length > 300 ? answer[..300] : answer };
        var start = answer.IndexOf('{', StringComparison.Ordinal);
        var end = answer.LastIndexOf('}');
        if (start >= 0 && end > start)
        {
            try
            {
                using var json = JsonDocument.Parse(answer[start..(end + 1)]);
                var root = json.RootElement;
                var outcome = root.TryGetProperty("outcome", out var o) ? ParseOutcome(o.GetString()) : null;
                if (outcome is not null)
                {
                    var confidence = root.TryGetProperty("confidence", out var c) ? ReadNumber(c) : 0.5;
                    var reason = root.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "";
                    return new ScreenVerdict(outcome.Value, Math.Clamp(confidence, 0, 1), reason.Length == 0 ? $"The vision model says {outcome.Value}." : reason, backend) { Evidence = evidence };
                }
            }
            catch (JsonException)
            {
                // Fall through to the keyword reading below.
            }
        }
        var keyword = ParseOutcome(answer.Contains("fail", StringComparison.OrdinalIgnoreCase) ? "failed"
            : answer.Contains("pass", StringComparison.OrdinalIgnoreCase) ? "passed" : "unsure") ?? VerdictOutcome.Unsure;
        // Words without the asked-for JSON are weak evidence: never a confident failure.
        return new ScreenVerdict(keyword == VerdictOutcome.Failed ? VerdictOutcome.Unsure : keyword, 0.3, $"The vision model answered without a verdict: {evidence["modelAnswer"]}", backend) { Evidence = evidence };
    }

    private static double ReadNumber(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String when double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => 0.5,
    };

    private static VerdictOutcome? ParseOutcome(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "passed" or "pass" or "success" or "ok" => VerdictOutcome.Passed,
        "failed" or "fail" or "failure" => VerdictOutcome.Failed,
        "unsure" or "unknown" or "uncertain" => VerdictOutcome.Unsure,
        _ => null,
    };
}
