using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ActionAgent.TestSupport;

/// <summary>
/// The built <c>agent</c> command (<c>agent.dll</c> in the test's output, which the test project's reference to the CLI
/// puts there) as a child process started from the repository root, as a user runs it: output redirected, no colours,
/// a wide console (so no line a test looks for is wrapped), standard input closed, extra variables on top.
/// <see cref="RunAsync(IEnumerable{string}, IReadOnlyDictionary{string, string?}?, TimeSpan?, Func{AgentProcess, Task}?)"/>
/// runs it to its end; <see cref="Start(IEnumerable{string}, IReadOnlyDictionary{string, string?}?)"/> gives the running
/// process (workers, signals).
/// </summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _output = new(); // both streams, in the order their lines arrived
    private readonly Process _process;
    private readonly string _command;

    private AgentProcess(Process process, string command)
    {
        _process = process;
        _command = command;
    }

    /// <summary>The repository root (the folder holding <c>ActionAgent.sln</c>), the command's working directory.</summary>
    public static string RepositoryRoot => Repository.Root;

    /// <summary>The built command beside the test assembly.</summary>
    public static string AgentDll => Path.Combine(AppContext.BaseDirectory, "agent.dll");

    /// <summary>The process id (to send it a signal).</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once it has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Standard output and standard error so far, interleaved as the lines arrived.</summary>
    public string Output => Read(_output);

    /// <summary>Standard output so far.</summary>
    public string Stdout => Read(_stdout);

    /// <summary>Standard error so far.</summary>
    public string Stderr => Read(_stderr);

    /// <summary>
    /// Runs <c>agent ARGS</c> to its end; killed (a <see cref="TimeoutException"/> with its output) after the timeout
    /// (3 minutes by default). <c>whileRunning</c> is called once the process has started (to interrupt it, say),
    /// before the wait for its end.
    /// </summary>
    public static Task<AgentResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null, Func<AgentProcess, Task>? whileRunning = null) =>
        RunAsync(AgentInfo([.. args], environment), timeout, whileRunning);

    /// <summary>Runs any process as <see cref="RunAsync(IEnumerable{string}, IReadOnlyDictionary{string, string?}?, TimeSpan?, Func{AgentProcess, Task}?)"/> does (a tool installed elsewhere, a wrapper script).</summary>
    public static async Task<AgentResult> RunAsync(ProcessStartInfo info, TimeSpan? timeout = null, Func<AgentProcess, Task>? whileRunning = null)
    {
        await using var process = Start(info);
        if (whileRunning is not null) await whileRunning(process);
        var exitCode = await process.WaitAsync(timeout ?? TimeSpan.FromMinutes(3));
        return new AgentResult(exitCode, process.Stdout, process.Stderr);
    }

    /// <summary>Starts <c>agent ARGS</c> with its output collected; dispose it to kill it if it is still running.</summary>
    public static AgentProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null) =>
        Start(AgentInfo([.. args], environment));

    /// <summary>Starts any process with its output collected (standard input closed).</summary>
    public static AgentProcess Start(ProcessStartInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        var agent = new AgentProcess(process, $"{info.FileName} {string.Join(' ', info.ArgumentList)}");
        process.OutputDataReceived += (_, e) => agent.Append(agent._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => agent.Append(agent._stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return agent;
    }

    /// <summary>
    /// How to start <paramref name="file"/> as the tests do: output and input redirected, no colours, a wide console,
    /// <paramref name="environment"/> on top (a null value removes a variable).
    /// </summary>
    public static ProcessStartInfo Info(string file, IReadOnlyList<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "400";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) info.Environment[key] = value;
        return info;
    }

    /// <summary>Waits for the exit; kills the process tree and throws a <see cref="TimeoutException"/> with its output after <paramref name="timeout"/>.</summary>
    /// <returns>The exit code.</returns>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{_command} did not exit within {timeout}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
        _process.WaitForExit(); // the redirected streams are read to their end
        return _process.ExitCode;
    }

    /// <summary>Sends a POSIX signal: <c>INT</c> as Ctrl+C does, <c>TERM</c> to stop gracefully, <c>KILL</c> to simulate a crash.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
                         ?? throw new InvalidOperationException("could not start kill");
        kill.WaitForExit();
    }

    /// <summary>Kills the process tree if it is still running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static ProcessStartInfo AgentInfo(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment) =>
        Info("dotnet", [AgentDll, .. args], RepositoryRoot, environment);

    private void Append(StringBuilder stream, string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            stream.AppendLine(line);
            _output.AppendLine(line);
        }
    }

    private string Read(StringBuilder text)
    {
        lock (_output) return text.ToString();
    }
}
