using System.Globalization;
using System.Text;
using ActionAgent.Core.Actions;

namespace ActionAgent.Desktop.X11;

/// <summary>The X display: keys and pointer through XTest (xdotool), pixels through ImageMagick's import.</summary>
internal sealed class XDisplay
{
    /// <param name="display">The display the host bound (<see cref="DesktopOptions.Display"/>).</param>
    public static void EnsureAvailable(string? display)
    {
        if (string.IsNullOrEmpty(display))
        {
            throw new DesktopEnvironmentException("No X display: DISPLAY is not set. Run inside a desktop session, or start one with `Xvfb :99 -screen 0 1280x1024x24 &` and `export DISPLAY=:99`.");
        }
    }

    public static async Task<(int Width, int Height)> SizeAsync(CancellationToken cancellationToken)
    {
        var text = Encoding.UTF8.GetString(await ExternalTool.RunAsync("xdotool", ["getdisplaygeometry"], cancellationToken).ConfigureAwait(false));
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Gives the keyboard to the X window of the process whose title is <paramref name="title"/> (no window manager needed).</summary>
    public static async Task FocusWindowAsync(int processId, string title, CancellationToken cancellationToken)
    {
        string ids;
        try
        {
            ids = Encoding.UTF8.GetString(await ExternalTool.RunAsync("xdotool",
                ["search", "--all", "--onlyvisible", "--pid", processId.ToString(CultureInfo.InvariantCulture), "--name", "^" + EscapeRegex(title) + "$"],
                cancellationToken, TimeSpan.FromSeconds(5)).ConfigureAwait(false));
        }
        catch (DesktopEnvironmentException)
        {
            return; // xdotool search exits 1 when nothing matched: keys then go where the pointer is
        }
        var window = ids.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (window is null) return;
        await ExternalTool.RunAsync("xdotool", ["windowfocus", window], cancellationToken).ConfigureAwait(false);
    }

    public static Task KeyAsync(string chord, CancellationToken cancellationToken) =>
        ExternalTool.RunAsync("xdotool", ["key", "--clearmodifiers", XKeyNames.ToXdotool(chord)], cancellationToken);

    public static Task TypeAsync(string text, CancellationToken cancellationToken) =>
        ExternalTool.RunAsync("xdotool", ["type", "--delay", "20", "--", text], cancellationToken, TimeSpan.FromSeconds(60));

    public static Task ClickAsync(double x, double y, CancellationToken cancellationToken) =>
        ExternalTool.RunAsync("xdotool", ["mousemove", Px(x), Px(y), "click", "1"], cancellationToken);

    public static Task MoveAsync(double x, double y, CancellationToken cancellationToken) =>
        ExternalTool.RunAsync("xdotool", ["mousemove", Px(x), Px(y)], cancellationToken);

    /// <summary>A PNG of the whole display, the masked boxes painted over.</summary>
    public static async Task<byte[]> ScreenshotAsync(IReadOnlyList<BoundingBox> masked, CancellationToken cancellationToken)
    {
        var png = await ExternalTool.RunAsync("import", ["-silent", "-window", "root", "png:-"], cancellationToken).ConfigureAwait(false);
        if (masked.Count == 0) return png;
        var path = Path.Combine(Path.GetTempPath(), $"actionagent-shot-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, png, cancellationToken).ConfigureAwait(false);
        try
        {
            var args = new List<string> { path, "-fill", "#FF00FF" };
            foreach (var box in masked)
            {
                args.Add("-draw");
                args.Add(string.Create(CultureInfo.InvariantCulture, $"rectangle {box.X:0},{box.Y:0} {box.X + box.Width:0},{box.Y + box.Height:0}"));
            }
            args.Add("png:-");
            return await ExternalTool.RunAsync("convert", args, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Px(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);

    private static string EscapeRegex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
