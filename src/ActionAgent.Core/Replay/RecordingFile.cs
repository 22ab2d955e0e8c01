using System.Text.Json;
using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Replay;

/// <summary>Loads a recording for replay: a folder holding <c>recording.json</c>, or the file itself.</summary>
public static class RecordingFile
{
    /// <summary>A larger file is refused before it is parsed. <value>64 MB.</value></summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The recording, or an error naming the file and the field that is wrong.</summary>
    public static async Task<(RecordingDocument? Recording, string Path, string? Error)> LoadAsync(string pathOrFolder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrFolder);
        var path = Directory.Exists(pathOrFolder) ? System.IO.Path.Combine(pathOrFolder, "recording.json") : pathOrFolder;
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            return (null, path, Directory.Exists(pathOrFolder)
                ? $"{path}: not found; a recording folder holds recording.json (made by agent run or agent record)."
                : $"{path}: no such file or folder.");
        }
        RecordingDocument document;
        try
        {
            if (new FileInfo(path).Length > MaxBytes) return (null, path, $"{path}: the file is larger than {MaxBytes / (1024 * 1024)} MB; a recording is not that large.");
            document = await RecordingJson.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            var line = e.LineNumber is { } l ? $":{l + 1}" : "";
            return (null, path, $"{path}{line}: not a valid recording{where}: {FirstSentence(e.Message)}");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return (null, path, e is InvalidDataException ? e.Message : $"{path}: cannot read the recording: {FirstSentence(e.Message)}");
        }
        var problems = RecordingValidation.Problems(document, System.IO.Path.GetDirectoryName(path)!);
        return problems.Count > 0 ? (null, path, $"{path}: {string.Join("; ", problems)}.") : (document, path, null);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
