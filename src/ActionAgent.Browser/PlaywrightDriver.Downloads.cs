using Microsoft.Playwright;

namespace ActionAgent.Browser;

// Downloads. A file the page sends is the evidence of "download the invoice", as the browser's download list is to a
// person: each one the page starts is listed on every observation (UiObservation.Downloads), by a file name made safe
// from the name the page suggested. When BrowserOptions.DownloadsPath is set the file is saved there (a name already
// taken gets " (2)", " (3)", …); otherwise Playwright keeps it in a temporary folder that goes with the browser.
public sealed partial class PlaywrightDriver
{
    private readonly Lock _downloadLock = new();
    private readonly List<string> _downloads = [];
    private readonly List<Task> _saving = [];

    private void OnDownload(object? sender, IDownload download)
    {
        var name = SafeFileName(download.SuggestedFilename);
        string? path = null;
        lock (_downloadLock)
        {
            if (_options.DownloadsPath is { } folder)
            {
                Directory.CreateDirectory(folder);
                path = FreePath(folder, name);
                // Claim the name now: two downloads of the same file in one run must not write one path.
                File.Create(path).Dispose();
                name = Path.GetFileName(path);
            }
            _downloads.Add(name);
            if (path is not null) _saving.Add(SaveAsync(download, path));
        }
    }

    private static async Task SaveAsync(IDownload download, string path)
    {
        try
        {
            await download.SaveAsAsync(path).ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // The download failed or the browser closed first: the empty claimed file stays as the sign of a failed save.
        }
    }

    /// <summary>The downloads started so far, oldest first.</summary>
    private string[] DownloadsSoFar()
    {
        lock (_downloadLock) return [.. _downloads];
    }

    /// <summary>Waits for the files still being saved (the browser closing would cut them short).</summary>
    private async Task FinishDownloadsAsync()
    {
        Task[] saving;
        lock (_downloadLock) saving = [.. _saving];
        if (saving.Length > 0) await Task.WhenAny(Task.WhenAll(saving), Task.Delay(TimeSpan.FromSeconds(30))).ConfigureAwait(false);
    }

    /// <summary>
    /// A file name the page cannot use to leave the folder or hide: no directory part, no characters a file system
    /// refuses, no leading dot, at most 120 characters; "download" when nothing is left.
    /// </summary>
    internal static string SafeFileName(string? suggested)
    {
        var name = (suggested ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var invalid = Path.GetInvalidFileNameChars();
        name = new string([.. name.Select(c => char.IsControl(c) || invalid.Contains(c) ? '_' : c)]).Trim().TrimStart('.');
        if (name.Length > 120)
        {
            var extension = Path.GetExtension(name);
            name = name[..(120 - Math.Min(extension.Length, 20))] + extension[..Math.Min(extension.Length, 20)];
        }
        return name.Length == 0 ? "download" : name;
    }

    private static string FreePath(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 2; File.Exists(path); n++) path = Path.Combine(folder, $"{stem} ({n}){extension}");
        return path;
    }
}
