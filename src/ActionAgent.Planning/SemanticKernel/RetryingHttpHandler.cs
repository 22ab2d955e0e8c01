using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ActionAgent.Planning.SemanticKernel;

/// <summary>
/// Sends model requests again on 429 (rate limit), 5xx, timeouts and network errors, with exponential backoff that
/// honours the server's Retry-After. The OpenAI client's own retries are off when it is given an HttpClient
/// (Semantic Kernel does that), so this is the only retry layer: one attempt here is one request on the wire.
/// </summary>
public sealed class RetryingHttpHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Wraps <paramref name="inner"/> (null: a new <see cref="SocketsHttpHandler"/>).</summary>
    public RetryingHttpHandler(HttpRetryOptions options, HttpMessageHandler? inner = null)
        : base(inner ?? new SocketsHttpHandler())
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                UseJitter = options.UseJitter,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(IsTransient),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options)),
                OnRetry = args =>
                {
                    // The response that is not returned must be disposed, or its connection is held.
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddTimeout(options.RequestTimeout);
        _pipeline = builder.Build();
    }

    /// <summary>How many requests were put on the wire (first attempts and retries).</summary>
    public int Attempts => _attempts;

    private int _attempts;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Semantic Kernel's OpenAI client sends buffered content, so the same request can be sent again.
        if (request.Content is not null) await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        return await _pipeline.ExecuteAsync(async token =>
        {
            Interlocked.Increment(ref _attempts);
            return await base.SendAsync(request, token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;

    /// <summary>The server's Retry-After (seconds or a date), capped; null to use the exponential backoff.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, HttpRetryOptions options)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null) return null;
        TimeSpan? delay = header.Delta ?? (header.Date is { } date ? date - options.TimeProvider.GetUtcNow() : null);
        if (delay is null) return null;
        if (delay < TimeSpan.Zero) return TimeSpan.Zero;
        return delay > options.MaxDelay ? options.MaxDelay : delay;
    }
}
