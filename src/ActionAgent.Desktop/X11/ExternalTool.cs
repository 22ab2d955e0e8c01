using System.ComponentModel;
using System.Diagnostics;

namespace ActionAgent.Desktop.X11;

/// <summary>Runs one of the X tools the driver uses for input and pixels (xdotool, ImageMagick), without a shell.</summary>
internal static class ExternalTool
{
    public static async Task<byte[]> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new DesktopEnvironmentException($"{program} did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new DesktopEnvironmentException($"{program} is not installed ({ex.Message}); the desktop driver needs xdotool and ImageMagick (apt-get install xdotool imagemagick).", ex);
        }
        using (process)
        {
            using var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                await copy.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new DesktopEnvironmentException($"{program} {string.Join(' ', info.ArgumentList)} did not finish in time.");
            }
            if (process.ExitCode != 0)
            {
                throw new DesktopEnvironmentException($"{program} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {(await error.ConfigureAwait(false)).Trim()}");
            }
            return output.ToArray();
        }
    }
}
