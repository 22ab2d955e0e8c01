using System.Text.Json;
using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Replay;

/// <summary>Loads a recording for replay: a folder holding <c>recording.json</c>, or the file itself.</summary>
public static class RecordingFile
{
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
            document = await RecordingJson.ReadAsync(path, cancellationToken);
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            var line = e.LineNumber is { } l ? $":{l + 1}" : "";
            return (null, path, $"{path}{line}: not a valid recording{where}: {FirstSentence(e.Message)}");
        }
        catch (InvalidDataException e)
        {
            return (null, path, e.Message);
        }
        var missing = new List<string>();
        if (document.Header is null) missing.Add("header");
        else if (string.IsNullOrWhiteSpace(document.Header.Name)) missing.Add("header.name");
        for (var i = 0; i < (document.Steps?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(document.Steps![i].Action)) missing.Add($"steps[{i}].action");
        }
        return missing.Count > 0 ? (null, path, $"{path}: the field {string.Join(", ", missing)} is missing or empty.") : (document, path, null);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
