namespace ActionAgent.Planning.SemanticKernel;

/// <summary>Where the planner's language model runs.</summary>
public enum LlmBackend
{
    /// <summary>No language model: the embedded offline planner.</summary>
    Offline,
    /// <summary>OpenAI's API (<c>OPENAI_API_KEY</c>, <c>OPENAI_MODEL</c>).</summary>
    OpenAI,
    /// <summary>An Azure OpenAI deployment (<c>AZURE_OPENAI_ENDPOINT</c>, <c>AZURE_OPENAI_API_KEY</c>, <c>AZURE_OPENAI_DEPLOYMENT</c>).</summary>
    Azure,
    /// <summary>Any server that speaks OpenAI chat completions: Ollama, vLLM, llama.cpp (<c>ACTIONAGENT_LLM_BASE_URL</c>...).</summary>
    Compatible,
}
