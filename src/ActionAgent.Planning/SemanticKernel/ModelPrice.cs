namespace ActionAgent.Planning.SemanticKernel;

/// <summary>What a model costs, in US dollars per million tokens.</summary>
/// <param name="InputPerMillion">Price of one million prompt (input) tokens.</param>
/// <param name="OutputPerMillion">Price of one million completion (output) tokens.</param>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    /// <summary>The cost of a number of tokens.</summary>
    public decimal CostOf(long promptTokens, long completionTokens) =>
        ((promptTokens * InputPerMillion) + (completionTokens * OutputPerMillion)) / 1_000_000m;

    /// <summary>
    /// List prices of common hosted models (OpenAI's published prices, 2025). Prices change: set
    /// <see cref="LlmPlannerOptions.Prices"/> for your contract. Local servers (compatible backend) cost nothing.
    /// </summary>
    public static IReadOnlyDictionary<string, ModelPrice> KnownPrices { get; } = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o"] = new(2.50m, 10.00m),
        ["gpt-4o-mini"] = new(0.15m, 0.60m),
        ["gpt-4.1"] = new(2.00m, 8.00m),
        ["gpt-4.1-mini"] = new(0.40m, 1.60m),
        ["gpt-4.1-nano"] = new(0.10m, 0.40m),
        ["o4-mini"] = new(1.10m, 4.40m),
    };
}
