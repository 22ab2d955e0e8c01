namespace ActionAgent.Desktop.Tests;

/// <summary>What one <c>agent</c> command did: its exit code and both its streams, shown whole when a test fails.</summary>
internal sealed record AgentResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Both streams, as a user sees them in a terminal.</summary>
    public string Output => Stdout + Stderr;

    /// <summary>Fails the test unless the command exited with <paramref name="expected"/>, showing its stdout and stderr.</summary>
    public AgentResult AssertExit(int expected)
    {
        if (ExitCode != expected) Assert.Fail($"expected exit {expected}\n{this}");
        return this;
    }

    /// <summary>Fails the test unless <paramref name="condition"/> holds, showing what the command printed.</summary>
    public void AssertThat(bool condition, string what)
    {
        if (!condition) Assert.Fail($"{what}\n{this}");
    }

    public override string ToString() =>
        $"agent {Command} exited {ExitCode}\n--- stdout ---\n{Stdout.TrimEnd()}\n--- stderr ---\n{Stderr.TrimEnd()}";
}
