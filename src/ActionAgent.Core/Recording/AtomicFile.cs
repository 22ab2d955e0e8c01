using System.Text;

namespace ActionAgent.Core.Recording;

/// <summary>
/// Writes artifacts (recording.json, report.html, junit.xml, replay.json) to a temporary file in the same folder and
/// renames it over the target, so a reader (or a crash) never sees half a file and a failed write leaves the old one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="write"/>'s output to <paramref name="path"/> atomically (creating its folder).</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes text to <paramref name="path"/> atomically.</summary>
    public static Task WriteAllTextAsync(string path, string text, Encoding encoding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(encoding);
        var bytes = encoding.GetBytes(text);
        return WriteAsync(path, (stream, token) => stream.WriteAsync(bytes, token).AsTask(), cancellationToken);
    }

    /// <summary>Writes bytes to <paramref name="path"/> atomically.</summary>
    public static Task WriteAllBytesAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return WriteAsync(path, (stream, token) => stream.WriteAsync(bytes, token).AsTask(), cancellationToken);
    }
}
