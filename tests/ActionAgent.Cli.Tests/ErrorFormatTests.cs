using ActionAgent.Cli.Logging;
using ActionAgent.Core.Secrets;

namespace ActionAgent.Cli.Tests;

/// <summary>
/// Every error path of the command line ends on standard error in the one format (<c>error: MESSAGE</c>, one line) with
/// its exit code: a command's own errors, System.CommandLine's parse errors and their usage hint, and an exception no
/// command expected (no stack trace unless <c>--verbose</c> or <c>ACTIONAGENT_DEBUG</c> asks for it).
/// </summary>
public sealed class ErrorFormatTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aa-errors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task An_unknown_option_is_one_error_line_naming_the_commands_help_with_exit_2_and_nothing_on_stdout()
    {
        var result = await AgentProcess.RunAsync(["run", "scenarios/book-flight.yaml", "--no-such-option"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout.Trim());
        var line = Assert.Single(Lines(result.Stderr));
        Assert.Equal("error: Unrecognized command or argument '--no-such-option'. Run 'agent run --help' for usage.", line);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("replay")]
    [InlineData("plan")]
    [InlineData("validate")]
    [InlineData("schedule add")]
    public async Task An_unknown_option_where_a_file_may_stand_is_a_parse_error_not_a_missing_file(string command)
    {
        var result = await AgentProcess.RunAsync([.. command.Split(' '), "--no-such-option"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error: Unrecognized command or argument '--no-such-option'. Run 'agent {command} --help' for usage.", Lines(result.Stderr));
        Assert.DoesNotContain("not found", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("does not exist", result.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_file_named_like_an_option_is_taken_after_double_dash()
    {
        var file = Path.Combine(_dir, "-x.yaml");
        await File.WriteAllTextAsync(file, "version: 1\nname: dashed\ngoal: click Search\napp: { browser: { start: \"site:skyfare\" } }\n");
        var relative = Path.GetFileName(file);

        var result = await AgentProcess.RunAsync(AgentProcess.Info("dotnet", [AgentProcess.AgentDll, "validate", "--", relative], _dir));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task A_parse_error_in_a_subcommand_names_that_subcommands_help()
    {
        var result = await AgentProcess.RunAsync(["schedule", "add"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout.Trim());
        Assert.All(Lines(result.Stderr), line =>
        {
            Assert.StartsWith("error: ", line, StringComparison.Ordinal);
            Assert.EndsWith("Run 'agent schedule add --help' for usage.", line, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_unexpected_failure_of_the_environment_is_one_error_line_with_exit_3_and_no_stack_trace()
    {
        // A data folder that is a file: creating it fails with an IOException no command expects.
        var file = Path.Combine(_dir, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");

        var result = await AgentProcess.RunAsync(["history", "--data", file]);

        Assert.True(result.ExitCode == 3, result.ToString());
        var line = Assert.Single(Lines(result.Stderr));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains("(IOException)", line, StringComparison.Ordinal);
        Assert.Contains("ACTIONAGENT_DEBUG=1", line, StringComparison.Ordinal); // how to get the stack trace
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_ACTIONAGENT_DEBUG_an_unexpected_failure_prints_its_stack_trace_after_the_error_line()
    {
        var file = Path.Combine(_dir, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");

        var result = await AgentProcess.RunAsync(["history", "--data", file], new Dictionary<string, string?> { ["ACTIONAGENT_DEBUG"] = "1" });

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.StartsWith("error: ", Lines(result.Stderr)[0], StringComparison.Ordinal);
        Assert.Contains("System.IO.IOException", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_that_is_a_bug_is_an_internal_error_with_exit_70_on_one_line()
    {
        var error = new StringWriter();

        var code = CliErrors.Unhandled(Thrown(new InvalidOperationException("the plan had no steps\nsecond line")), stackTrace: false, error);

        Assert.Equal(ExitCodes.InternalError, code);
        var line = Assert.Single(Lines(error.ToString()));
        Assert.StartsWith("error: internal error, a bug in agent: the plan had no steps | second line (System.InvalidOperationException)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_escaped_cancellation_exits_130()
    {
        var error = new StringWriter();

        var code = CliErrors.Unhandled(Thrown(new OperationCanceledException()), stackTrace: false, error);

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Equal("error: cancelled", error.ToString().Trim());
    }

    [Fact]
    public void With_the_stack_trace_asked_for_the_whole_exception_follows_the_error_line()
    {
        var error = new StringWriter();

        CliErrors.Unhandled(Thrown(new InvalidOperationException("boom")), stackTrace: true, error);

        var lines = Lines(error.ToString());
        Assert.StartsWith("error: internal error, a bug in agent: boom", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("at ", StringComparison.Ordinal) && l.Contains(nameof(Thrown), StringComparison.Ordinal));
    }

    [Fact]
    public void An_internal_error_quoting_a_secret_value_prints_it_masked_in_the_line_and_the_stack_trace()
    {
        // A command loads its secrets into the run's vault (RunLogging.UseSecrets); an exception that escapes it later
        // may quote one of them in its message, or an inner exception's.
        const string card = "4242424242424242";
        RunLogging.UseSecrets(new SecretVault(new Dictionary<string, string> { ["card_number"] = card }));
        try
        {
            var error = new StringWriter();
            var thrown = Thrown(new InvalidOperationException($"the field rejected {card}",
                new FormatException($"not a number: '{card}' (4242-4242-4242-4242)")));

            var code = CliErrors.Unhandled(thrown, stackTrace: true, error);

            Assert.Equal(ExitCodes.InternalError, code);
            var text = error.ToString();
            Assert.StartsWith($"error: internal error, a bug in agent: the field rejected {SecretVault.MaskText}", Lines(text)[0], StringComparison.Ordinal);
            Assert.Contains($"not a number: '{SecretVault.MaskText}'", text, StringComparison.Ordinal);
            Assert.DoesNotContain("4242", text, StringComparison.Ordinal);
        }
        finally
        {
            RunLogging.UseSecrets(SecretVault.Empty);
            KnownSecrets.Clear();
        }
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
