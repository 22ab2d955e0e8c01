using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

// Frames in the observation. Playwright's AI snapshot already walks into iframes (same- and cross-origin): their
// elements get refs of their own (f1e4) that resolve through the page. What it leaves out is the frame's title, the
// words a person uses for it ("in the survey", "the payment form"), so the iframe line gets it as its name.
public sealed partial class PlaywrightDriver
{
    private async Task<string> NameFramesAsync(string snapshot)
    {
        if (!snapshot.Contains("- iframe [ref=", StringComparison.Ordinal)) return snapshot;
        var named = snapshot;
        foreach (Match m in UnnamedFramePattern().Matches(snapshot))
        {
            string? title;
            try
            {
                var frame = Page.Locator("aria-ref=" + m.Groups["ref"].Value);
                title = await frame.GetAttributeAsync("title", new() { Timeout = 500 }).ConfigureAwait(false)
                    ?? await frame.GetAttributeAsync("aria-label", new() { Timeout = 500 }).ConfigureAwait(false)
                    ?? await frame.GetAttributeAsync("name", new() { Timeout = 500 }).ConfigureAwait(false);
            }
            catch (PlaywrightException)
            {
                continue; // the frame went away: it stays unnamed
            }
            if (string.IsNullOrWhiteSpace(title)) continue;
            var quoted = "\"" + title.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
            named = named.Replace(m.Value, $"- iframe {quoted} [ref={m.Groups["ref"].Value}]", StringComparison.Ordinal);
        }
        return named;
    }

    [GeneratedRegex(@"- iframe \[ref=(?<ref>[\w]+)\]")]
    private static partial Regex UnnamedFramePattern();
}
