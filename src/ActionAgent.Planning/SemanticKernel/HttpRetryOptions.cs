namespace ActionAgent.Planning.SemanticKernel;

/// <summary>How calls to the model endpoint are retried on 429 (rate limit), 5xx and network errors.</summary>
public sealed record HttpRetryOptions
{
    /// <summary>How many times a failed request is sent again.</summary>
    /// <value>The default value is 3.</value>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first backoff delay; each retry doubles it (exponential backoff), unless the server sends Retry-After.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest the planner waits before one retry, whatever Retry-After says.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may take before it is abandoned (and retried).</summary>
    /// <value>The default value is 120 seconds.</value>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Whether backoff delays are randomised a little, so many agents do not retry in step.</summary>
    /// <value>The default value is true.</value>
    public bool UseJitter { get; init; } = true;

    /// <summary>The clock the delays run on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero);
    }
}
