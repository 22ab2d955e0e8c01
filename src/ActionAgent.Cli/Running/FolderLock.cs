using ActionAgent.Composition;

namespace ActionAgent.Cli.Running;

/// <summary>
/// An exclusive lock on an output folder (a recording, a replay's outputs) for as long as one command writes it, so
/// a second run with the same <c>--record-to</c> fails clearly instead of interleaving with the first. The lock is
/// a <c>.lock</c> file held open without sharing (an OS file lock; released when the process ends, even killed).
/// </summary>
internal sealed class FolderLock : IDisposable
{
    private readonly FileStream _stream;

    private FolderLock(FileStream stream) => _stream = stream;

    /// <summary>
    /// Claims a recording folder for a run or a recorder: locks it, and refuses one that already holds a recording
    /// (never overwritten). The error names <paramref name="option"/> (<c>--record-to</c>, <c>--out</c>) and the folder
    /// as the user gave it (<paramref name="shownAs"/>).
    /// </summary>
    public static FolderLock? TryClaimRecording(string folder, string option, string shownAs, out string? error)
    {
        var claimed = TryAcquire(folder, out var lockError);
        if (claimed is null)
        {
            error = $"{option}: {lockError}";
            return null;
        }
        if (AgentComposition.RecordingFolderProblem(folder) is { } problem)
        {
            claimed.Dispose();
            error = $"{option} {shownAs}: {problem}";
            return null;
        }
        error = null;
        return claimed;
    }

    /// <summary>Creates the folder if needed and locks it; null (with why) when another command holds it or it cannot be made.</summary>
    public static FolderLock? TryAcquire(string folder, out string? error)
    {
        var path = Path.Combine(folder, ".lock");
        try
        {
            if (File.Exists(folder))
            {
                error = $"{folder} is a file; the output needs a folder (choose a new folder name).";
                return null;
            }
            Directory.CreateDirectory(folder);
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            error = null;
            return new FolderLock(stream);
        }
        catch (IOException e) when (File.Exists(path))
        {
            error = $"{folder} is in use by another agent command (it holds the lock {path}); wait for it to finish or choose another folder. ({e.Message})";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"{folder}: cannot be used as an output folder: {e.Message}";
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
