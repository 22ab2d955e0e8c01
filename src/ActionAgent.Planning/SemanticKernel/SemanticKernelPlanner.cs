using System.ClientModel;
using System.Text.Json;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace ActionAgent.Planning.SemanticKernel;

/// <summary>
/// The LLM planner: a Semantic Kernel chat model that sees the goal and the compact snapshot (with refs) and answers
/// by calling the UI actions as kernel functions. One <see cref="NextAsync"/> is one decision: the step(s) the model
/// called, finish, or give up, with the tokens and cost it took.
/// </summary>
/// <remarks>
/// Functions are advertised with <see cref="FunctionChoiceBehavior.Auto(IEnumerable{KernelFunction}?, bool, FunctionChoiceBehaviorOptions?)"/>
/// but invoked by this class (autoInvoke: false) rather than by Semantic Kernel's loop: an action must end the turn,
/// and every malformed answer (text only, an unknown ref, arguments that are not JSON) must count against
/// <see cref="LlmPlannerOptions.MaxMalformedRetries"/>. Semantic Kernel's own loop answers invalid JSON by itself and
/// only stops after 128 rounds, which a budgeted agent cannot afford.
/// </remarks>
public sealed class SemanticKernelPlanner : IPlanner
{
    private readonly IChatCompletionService _chat;
    private readonly LlmPlannerOptions _options;
    private readonly PlannerPerception _perception;
    private readonly ModelPrice? _price;

    /// <summary>A planner on an existing chat service (any Semantic Kernel connector).</summary>
    public SemanticKernelPlanner(IChatCompletionService chat, LlmPlannerOptions options, PlannerPerception? perception = null)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(options);
        _chat = chat;
        _options = options;
        _perception = perception ?? PlannerPerception.None;
        _price = options.PriceFor();
    }

    /// <summary>A planner on the backend <paramref name="options"/> describe (OpenAI, Azure OpenAI or compatible).</summary>
    public static SemanticKernelPlanner Create(LlmPlannerOptions options, PlannerPerception? perception = null, HttpMessageHandler? innerHandler = null) =>
        new(ChatCompletionFactory.Create(options, innerHandler), options, perception);

    /// <inheritdoc />
    public string Name => _options.PlannerName;

    /// <summary>Whether the model's price is known (otherwise its cost is counted as 0).</summary>
    public bool PriceKnown => _price is not null;

    /// <inheritdoc />
    public async Task<PlanDecision> NextAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tools = new UiTools(context, _perception, Name);
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(_chat);
        builder.Plugins.AddFromObject(tools, "ui");
        var kernel = builder.Build();

        var history = new ChatHistory(PlannerPrompt.System);
        history.AddUserMessage(PlannerPrompt.Describe(context, _options));
        var settings = new OpenAIPromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false),
            Temperature = _options.Temperature,
        };

        var usage = ModelUsage.None;
        var problems = new List<string>();
        var toolRounds = 0;
        while (true)
        {
            ChatMessageContent answer;
            try
            {
                answer = await _chat.GetChatMessageContentAsync(history, settings, kernel, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (e.StatusCode is not null)
            {
                return PlanDecision.GiveUp($"The model endpoint ({Name}) answered {(int)e.StatusCode} {e.StatusCode}: {Shorten(e.Message, 300)}", usage);
            }
            catch (Exception e) when (IsMalformedResponse(e))
            {
                // The body was not a chat completion at all; nothing can be fed back, so ask again.
                usage += new ModelUsage(0, 0, 0, 1);
                problems.Add($"its response could not be read ({Shorten(e.Message, 200)})");
                if (problems.Count > _options.MaxMalformedRetries) return Malformed(problems, usage);
                continue;
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return PlanDecision.GiveUp($"The model endpoint ({Name}) could not be reached: {Shorten(e.Message, 300)}", usage);
            }

            usage += UsageOf(answer);
            history.Add(answer);
            var calls = FunctionCallContent.GetFunctionCalls(answer).ToList();
            if (calls.Count == 0)
            {
                var problem = $"it answered with text instead of calling a tool: \"{Shorten(answer.Content ?? "", 200)}\"";
                problems.Add(problem);
                if (problems.Count > _options.MaxMalformedRetries) return Malformed(problems, usage);
                history.AddUserMessage($"Error: {problem}. Answer only by calling the tools: an action for the next step, finish, or give_up.");
                continue;
            }

            tools.BeginTurn();
            foreach (var call in calls)
            {
                var result = await InvokeAsync(call, kernel, tools, cancellationToken).ConfigureAwait(false);
                history.Add(new FunctionResultContent(call, result).ToChatMessage());
            }
            // check_screen may have asked a remote vision model: its calls count toward the run's budgets too.
            usage += tools.TakePerceptionUsage();

            if (tools.Errors.Count > 0)
            {
                problems.Add(string.Join("; ", tools.Errors));
                if (problems.Count > _options.MaxMalformedRetries) return Malformed(problems, usage);
                continue; // The errors went back as the tool results.
            }
            if (tools.GaveUp is { } gaveUp) return PlanDecision.GiveUp($"The model gave up: {gaveUp}", usage);
            if (tools.Finished is { } finished && tools.Steps.Count == 0) return PlanDecision.Done(finished, usage);
            if (tools.Steps.Count > 0) return PlanDecision.Continue([.. tools.Steps], Reason(answer, tools.Steps), usage);

            // Only perception tools were called: their answers are in the history; ask again.
            if (++toolRounds > _options.MaxToolRounds)
            {
                return PlanDecision.GiveUp($"The model ({Name}) asked the perception tools {toolRounds} times without choosing a step.", usage);
            }
        }
    }

    /// <summary>
    /// The LLM plans one screen at a time, so its draft is the first decision on the current screen (the steps it
    /// would take now); later steps depend on screens it has not seen.
    /// </summary>
    public async Task<IReadOnlyList<PlanStep>> DraftAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var decision = await NextAsync(context, cancellationToken).ConfigureAwait(false);
        return decision.Steps;
    }

    private static async Task<string> InvokeAsync(FunctionCallContent call, Kernel kernel, UiTools tools, CancellationToken cancellationToken)
    {
        if (call.Exception is not null) return tools.Reject($"the arguments of {call.FunctionName} are not valid JSON ({Shorten(call.Exception.Message, 120)})");
        if (!kernel.Plugins.TryGetFunction(call.PluginName ?? "ui", call.FunctionName, out _))
        {
            return tools.Reject($"there is no tool named {call.FunctionName}");
        }
        try
        {
            var result = await call.InvokeAsync(kernel, cancellationToken).ConfigureAwait(false);
            return result.Result?.ToString() ?? "";
        }
        catch (Exception e) when (e is KernelException or ArgumentException or JsonException or FormatException or InvalidCastException)
        {
            return tools.Reject($"{call.FunctionName} could not be called: {Shorten(e.Message, 200)}");
        }
    }

    private PlanDecision Malformed(List<string> problems, ModelUsage usage) =>
        PlanDecision.GiveUp($"The model ({Name}) gave {problems.Count} malformed answer(s) in a row; the last: {problems[^1]}.", usage);

    private static string? Reason(ChatMessageContent answer, IReadOnlyList<PlanStep> steps) =>
        answer.Content is { Length: > 0 } text ? Shorten(text, 300)
        : string.Join("; ", steps.Select(s => s.Description).Where(d => !string.IsNullOrWhiteSpace(d))) is { Length: > 0 } why ? why
        : null;

    private ModelUsage UsageOf(ChatMessageContent answer)
    {
        if (answer.Metadata?.TryGetValue("Usage", out var value) != true || value is not OpenAI.Chat.ChatTokenUsage tokens)
        {
            return new ModelUsage(0, 0, 0, 1);
        }
        var cost = _price?.CostOf(tokens.InputTokenCount, tokens.OutputTokenCount) ?? 0m;
        return new ModelUsage(tokens.InputTokenCount, tokens.OutputTokenCount, cost, 1);
    }

    private static bool IsMalformedResponse(Exception e) =>
        e is JsonException or FormatException or InvalidOperationException or ClientResultException { Status: >= 200 and < 300 }
        || (e is KernelException && e.InnerException is not null && IsMalformedResponse(e.InnerException));

    private static string Shorten(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= max ? line : line[..max] + "…";
    }
}
