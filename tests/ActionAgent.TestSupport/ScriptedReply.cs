using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActionAgent.TestSupport;

/// <summary>One scripted answer of the fake chat-completions server.</summary>
public sealed record ScriptedReply(int Status, string Body, int? RetryAfterSeconds = null)
{
    private static int s_ids;

    /// <summary>An assistant message calling these tools (names without the "ui-" plugin prefix).</summary>
    public static ScriptedReply Tools(params (string Name, object Args)[] calls) =>
        ToolsRaw([.. calls.Select(c => (c.Name, JsonSerializer.Serialize(c.Args)))]);

    /// <summary>Tool calls whose argument strings are given as is (to send bad JSON).</summary>
    public static ScriptedReply ToolsRaw(params (string Name, string Arguments)[] calls) => Completion(new JsonObject
    {
        ["role"] = "assistant",
        ["content"] = null,
        ["tool_calls"] = new JsonArray([.. calls.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = $"call_{Interlocked.Increment(ref s_ids)}",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = $"ui-{c.Name}", ["arguments"] = c.Arguments },
        })]),
    }, "tool_calls");

    /// <summary>A plain text answer with no tool call.</summary>
    public static ScriptedReply Text(string text) =>
        Completion(new JsonObject { ["role"] = "assistant", ["content"] = text }, "stop");

    /// <summary>HTTP 429 with Retry-After.</summary>
    public static ScriptedReply RateLimited(int retryAfterSeconds = 0) =>
        new(429, """{"error":{"message":"Rate limit reached","type":"rate_limit_error"}}""", retryAfterSeconds);

    /// <summary>HTTP 503.</summary>
    public static ScriptedReply Unavailable() => new(503, """{"error":{"message":"overloaded"}}""");

    /// <summary>A 200 whose body is not JSON.</summary>
    public static ScriptedReply Garbage() => new(200, "{\"id\": \"chatcmpl-x\", \"choices\": [ this is not json");

    /// <summary>Tokens reported in the usage block.</summary>
    public int PromptTokens { get; init; } = 100;

    /// <summary>Tokens reported in the usage block.</summary>
    public int CompletionTokens { get; init; } = 10;

    /// <summary>The same reply with other usage numbers.</summary>
    public ScriptedReply WithUsage(int prompt, int completion)
    {
        if (Status != 200) return this;
        var json = JsonNode.Parse(Body)!;
        json["usage"] = Usage(prompt, completion);
        return this with { Body = json.ToJsonString(), PromptTokens = prompt, CompletionTokens = completion };
    }

    private static ScriptedReply Completion(JsonObject message, string finishReason) => new(200, new JsonObject
    {
        ["id"] = $"chatcmpl-{Interlocked.Increment(ref s_ids)}",
        ["object"] = "chat.completion",
        ["created"] = 1_764_300_000,
        ["model"] = "scripted-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
        ["usage"] = Usage(100, 10),
    }.ToJsonString());

    private static JsonObject Usage(int prompt, int completion) =>
        new() { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion };
}
