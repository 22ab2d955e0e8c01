namespace ActionAgent.Planning.SemanticKernel;

/// <summary>
/// How the Semantic Kernel planner reaches its model and how it behaves. Build it by hand, or from the environment
/// with <see cref="FromEnvironment"/>.
/// </summary>
public sealed record LlmPlannerOptions
{
    /// <summary>Which backend serves the model.</summary>
    /// <value>The default value is <see cref="LlmBackend.OpenAI"/>.</value>
    public LlmBackend Backend { get; init; } = LlmBackend.OpenAI;

    /// <summary>The model id (<c>gpt-4o</c>, <c>llama3.1</c>); for Azure, the model behind the deployment, if known.</summary>
    public string? Model { get; init; }

    /// <summary>The API key. Optional for compatible servers that need none (Ollama).</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// The endpoint: the base URL of a compatible server (<c>http://localhost:11434/v1</c>), the Azure resource URL,
    /// or null for OpenAI's own API.
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The Azure OpenAI deployment name.</summary>
    public string? Deployment { get; init; }

    /// <summary>How many times a malformed answer (no tool call, unknown ref, bad arguments) is retried with the error fed back.</summary>
    /// <value>The default value is 2.</value>
    public int MaxMalformedRetries { get; init; } = 2;

    /// <summary>How many rounds of perception tool calls (locate_element, check_screen, classify_intent) one decision may take.</summary>
    /// <value>The default value is 4.</value>
    public int MaxToolRounds { get; init; } = 4;

    /// <summary>The most characters of the page snapshot put in a prompt; the rest is cut and the cut is said.</summary>
    /// <value>The default value is 16000.</value>
    public int MaxSnapshotChars { get; init; } = 16_000;

    /// <summary>How many of the latest executed steps the prompt lists.</summary>
    /// <value>The default value is 30.</value>
    public int MaxHistorySteps { get; init; } = 30;

    /// <summary>The sampling temperature; low keeps plans repeatable.</summary>
    /// <value>The default value is 0.</value>
    public double Temperature { get; init; }

    /// <summary>Prices per model id, for cost accounting. Models not listed cost 0 (and <see cref="PriceFor"/> says so).</summary>
    /// <value>The default value is <see cref="ModelPrice.KnownPrices"/>.</value>
    public IReadOnlyDictionary<string, ModelPrice> Prices { get; init; } = ModelPrice.KnownPrices;

    /// <summary>Retries on 429/5xx.</summary>
    public HttpRetryOptions Retry { get; init; } = new();

    /// <summary>The model id used for pricing and naming: <see cref="Model"/>, else the deployment.</summary>
    public string ModelName => Model ?? Deployment ?? "unknown";

    /// <summary>The planner's name in recordings (<c>openai:gpt-4o</c>, <c>azure:my-deployment</c>, <c>compatible:llama3.1</c>).</summary>
    public string PlannerName => Backend switch
    {
        LlmBackend.OpenAI => $"openai:{ModelName}",
        LlmBackend.Azure => $"azure:{Deployment ?? ModelName}",
        LlmBackend.Compatible => $"compatible:{ModelName}",
        _ => "offline",
    };

    /// <summary>The price of the model, or null when unknown (cost is then counted as 0).</summary>
    public ModelPrice? PriceFor() =>
        Backend == LlmBackend.Compatible && !Prices.ContainsKey(ModelName) ? new ModelPrice(0, 0)
        : Prices.TryGetValue(ModelName, out var price) ? price
        : Model is not null && Deployment is not null && Prices.TryGetValue(Deployment, out var byDeployment) ? byDeployment
        : null;

    /// <summary>Throws <see cref="ArgumentException"/> when the options cannot reach a model.</summary>
    public void Validate()
    {
        var missing = Missing();
        if (missing is not null) throw new ArgumentException(missing);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxMalformedRetries);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxToolRounds);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSnapshotChars, 500);
        Retry.Validate();
    }

    private string? Missing() => Backend switch
    {
        LlmBackend.Offline => "The offline backend has no language model; use the offline planner.",
        LlmBackend.OpenAI when string.IsNullOrWhiteSpace(ApiKey) => "The openai planner needs an API key: set OPENAI_API_KEY.",
        LlmBackend.Azure when Endpoint is null => "The azure planner needs the resource URL: set AZURE_OPENAI_ENDPOINT.",
        LlmBackend.Azure when string.IsNullOrWhiteSpace(ApiKey) => "The azure planner needs an API key: set AZURE_OPENAI_API_KEY.",
        LlmBackend.Azure when string.IsNullOrWhiteSpace(Deployment) => "The azure planner needs a deployment name: set AZURE_OPENAI_DEPLOYMENT.",
        LlmBackend.Compatible when Endpoint is null => "The compatible planner needs the server's base URL: set ACTIONAGENT_LLM_BASE_URL (for example http://localhost:11434/v1).",
        LlmBackend.Compatible when string.IsNullOrWhiteSpace(Model) => "The compatible planner needs a model name: set ACTIONAGENT_LLM_MODEL.",
        _ => null,
    };

    /// <summary>The environment variables <see cref="FromEnvironment"/> reads.</summary>
    public static IReadOnlyList<string> EnvironmentVariables { get; } =
    [
        "ACTIONAGENT_PLANNER", "OPENAI_API_KEY", "OPENAI_MODEL", "OPENAI_BASE_URL",
        "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_DEPLOYMENT",
        "ACTIONAGENT_LLM_BASE_URL", "ACTIONAGENT_LLM_MODEL", "ACTIONAGENT_LLM_API_KEY",
    ];

    /// <summary>Parses a backend name (<c>offline</c>, <c>openai</c>, <c>azure</c>, <c>compatible</c>).</summary>
    public static bool TryParseBackend(string? name, out LlmBackend backend)
    {
        backend = LlmBackend.Offline;
        switch (name?.Trim().ToUpperInvariant())
        {
            case "OFFLINE": backend = LlmBackend.Offline; return true;
            case "OPENAI": backend = LlmBackend.OpenAI; return true;
            case "AZURE" or "AZURE-OPENAI" or "AZUREOPENAI": backend = LlmBackend.Azure; return true;
            case "COMPATIBLE" or "OLLAMA" or "VLLM" or "LLAMACPP" or "LLAMA.CPP": backend = LlmBackend.Compatible; return true;
            default: return false;
        }
    }

    /// <summary>
    /// The backend the environment asks for: <paramref name="requested"/> (the <c>--planner</c> option) when given,
    /// else <c>ACTIONAGENT_PLANNER</c>, else offline. A remote backend is never chosen just because a key is set.
    /// </summary>
    public static LlmBackend? RequestedBackend(string? requested, Func<string, string?> environment, out string? error)
    {
        ArgumentNullException.ThrowIfNull(environment);
        error = null;
        var name = string.IsNullOrWhiteSpace(requested) ? environment("ACTIONAGENT_PLANNER") : requested;
        if (string.IsNullOrWhiteSpace(name)) return LlmBackend.Offline;
        if (TryParseBackend(name, out var backend)) return backend;
        error = $"Unknown planner '{name}'{(string.IsNullOrWhiteSpace(requested) ? " in ACTIONAGENT_PLANNER" : "")}: use offline, openai, azure or compatible.";
        return null;
    }

    /// <summary>
    /// Options for <paramref name="backend"/> from environment variables, or null with <paramref name="error"/>
    /// naming the variable that is missing or wrong.
    /// </summary>
    /// <param name="backend">The backend to configure.</param>
    /// <param name="environment">Reads a variable: the model variables the composition root's binder bound (<c>AgentOptions.Models</c>); this library never reads the process environment itself.</param>
    /// <param name="error">Why the options could not be made.</param>
    public static LlmPlannerOptions? FromEnvironment(LlmBackend backend, Func<string, string?> environment, out string? error)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string name) => environment(name) is { Length: > 0 } value ? value.Trim() : null;
        error = null;
        Uri? endpoint = null;
        var urlVariable = backend switch
        {
            LlmBackend.Azure => "AZURE_OPENAI_ENDPOINT",
            LlmBackend.Compatible => "ACTIONAGENT_LLM_BASE_URL",
            _ => "OPENAI_BASE_URL",
        };
        if (Get(urlVariable) is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                error = $"{urlVariable} is not an http(s) URL: '{url}'.";
                return null;
            }
        }
        var options = backend switch
        {
            LlmBackend.OpenAI => new LlmPlannerOptions
            {
                Backend = backend, ApiKey = Get("OPENAI_API_KEY"), Model = Get("OPENAI_MODEL") ?? "gpt-4o", Endpoint = endpoint,
            },
            LlmBackend.Azure => new LlmPlannerOptions
            {
                Backend = backend, ApiKey = Get("AZURE_OPENAI_API_KEY"), Deployment = Get("AZURE_OPENAI_DEPLOYMENT"),
                Model = Get("AZURE_OPENAI_MODEL"), Endpoint = endpoint,
            },
            LlmBackend.Compatible => new LlmPlannerOptions
            {
                Backend = backend, ApiKey = Get("ACTIONAGENT_LLM_API_KEY"), Model = Get("ACTIONAGENT_LLM_MODEL"), Endpoint = endpoint,
            },
            _ => new LlmPlannerOptions { Backend = LlmBackend.Offline },
        };
        error = options.Missing();
        return error is null ? options : null;
    }
}
