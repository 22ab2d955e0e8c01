using Xunit.Sdk;

namespace ActionAgent.Testing;

/// <summary>A replay that was asserted to pass did not: the message names the step, what it expected and what it saw, and the report.</summary>
public sealed class ReplayFailedException : XunitException
{
    /// <summary>Creates the exception for a failed replay.</summary>
    /// <param name="result">The replay's result.</param>
    /// <param name="message">The explanation.</param>
    public ReplayFailedException(AgentReplayResult result, string message)
        : base(message)
    {
        Result = result ?? throw new ArgumentNullException(nameof(result));
    }

    /// <summary>The failed replay's result.</summary>
    public AgentReplayResult Result { get; }
}
