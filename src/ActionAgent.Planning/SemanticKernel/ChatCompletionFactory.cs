using System.Diagnostics.CodeAnalysis;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace ActionAgent.Planning.SemanticKernel;

/// <summary>Makes Semantic Kernel's chat completion service for a backend, with the retrying HTTP client.</summary>
public static class ChatCompletionFactory
{
    /// <summary>
    /// The chat service for <paramref name="options"/>. <paramref name="innerHandler"/> is what the retry handler
    /// sends through (null: the network); tests pass their own to count requests.
    /// </summary>
    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The HttpClient lives as long as the service that owns it.")]
    public static IChatCompletionService Create(LlmPlannerOptions options, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // Timeouts are per attempt in the retry handler; the client itself waits as long as the retries take.
        var http = new HttpClient(new RetryingHttpHandler(options.Retry, innerHandler)) { Timeout = Timeout.InfiniteTimeSpan };
        return options.Backend switch
        {
            LlmBackend.Azure => new AzureOpenAIChatCompletionService(options.Deployment!, options.Endpoint!.ToString(), options.ApiKey!,
                modelId: options.Model, httpClient: http),
            LlmBackend.Compatible => CreateOpenAI(options.Model!, options.Endpoint, options.ApiKey ?? "none", http),
            _ => CreateOpenAI(options.Model ?? "gpt-4o", options.Endpoint, options.ApiKey!, http),
        };
    }

    private static OpenAIChatCompletionService CreateOpenAI(string model, Uri? endpoint, string apiKey, HttpClient http) =>
        endpoint is null
            ? new OpenAIChatCompletionService(model, apiKey, httpClient: http)
#pragma warning disable SKEXP0010 // The custom-endpoint constructor (experimental in SK) is how OpenAI-compatible servers are reached.
            : new OpenAIChatCompletionService(model, endpoint, apiKey, httpClient: http);
#pragma warning restore SKEXP0010
}
