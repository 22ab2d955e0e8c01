using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ActionAgent.Bench.Speed;

/// <summary>What one whole process did: its wall time from start to exit, its exit code and its peak resident memory.</summary>
internal sealed record ProcessMeasurement(string Name, double WallMs, int ExitCode, long PeakBytes, string Output);

/// <summary>
/// Starts a process, waits for it to exit, and polls <c>/proc/PID/status</c> for <c>VmHWM</c> (the kernel's own
/// high-water mark of the process's resident set) while it runs, so the last reading is the peak.
/// </summary>
internal static class MeasuredProcess
{
    public static async Task<ProcessMeasurement> RunAsync(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["NO_COLOR"] = "1";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        var clock = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peak = 0;
        using var cts = new CancellationTokenSource(timeout);
        var exited = process.WaitForExitAsync(cts.Token);
        while (!exited.IsCompleted)
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            await Task.WhenAny(exited, Task.Delay(20));
        }
        var wall = clock.Elapsed.TotalMilliseconds;
        if (exited.IsCanceled)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output) return new ProcessMeasurement(name, wall, -1, peak, output + $"\n(killed after {timeout})");
        }
        process.WaitForExit(); // drains the redirected streams
        lock (output) return new ProcessMeasurement(name, wall, process.ExitCode, peak, output.ToString());
    }

    /// <summary>VmHWM of a live process in bytes, 0 once it is gone.</summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }
}
