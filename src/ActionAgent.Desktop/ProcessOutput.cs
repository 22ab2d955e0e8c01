using System.Diagnostics;
using System.Text;

namespace ActionAgent.Desktop;

/// <summary>What a launched application writes on stdout and stderr, read as it goes so the pipes never fill.</summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();
    private readonly Task _reading;

    internal ProcessOutput(Process process)
    {
        _reading = Task.WhenAll(PumpAsync(process.StandardOutput, _out), PumpAsync(process.StandardError, _error));
    }

    /// <summary>What was written on stdout so far.</summary>
    public string Output
    {
        get
        {
            lock (_out) return _out.ToString();
        }
    }

    /// <summary>What was written on stderr so far.</summary>
    public string Error
    {
        get
        {
            lock (_error) return _error.ToString();
        }
    }

    /// <summary>Waits until both streams are closed (the process exited).</summary>
    public Task CompleteAsync() => _reading;

    private static async Task PumpAsync(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (into) into.Append(buffer, 0, read);
        }
    }
}
