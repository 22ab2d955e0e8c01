using System.Text.RegularExpressions;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;

namespace ActionAgent.Planning.Offline;

// Sub-goals that ask for a file ("Download the photo bridge.jpg", "Get the latest invoice as a PDF"): the control that
// fetches it says so (download, export, print, the format, a file name, a download arrow), in the item the goal names,
// shown on hover, or in the view the item opens. Reading the file's name off the page is no download.
public sealed partial class OfflinePlanner
{
    /// <summary>Whether a control fetches a file: it says download/export/print/save, the goal's format, or a file name, or shows a download arrow.</summary>
    private static bool FetchesFile(SubGoal goal, PageNode control)
    {
        if (!(control.Role is "button" or "link" or "menuitem" || control.IsRolelessClickable) || control.IsDisabled) return false;
        var label = control.Label();
        if (DownloadGlyph().IsMatch(label)) return true;
        var formats = TextTokens.Words(goal.Object).Where(w => FileFormat().IsMatch(w))
            .Concat(goal.Values.Where(v => string.Equals(v.Label, "format", StringComparison.OrdinalIgnoreCase)).Select(v => v.Text.ToLowerInvariant()))
            .ToHashSet(StringComparer.Ordinal);
        return TextTokens.Words(label).Any(w => FileVerbs().IsMatch(w) || formats.Contains(w)) || FileNames(label).Any();
    }

    /// <summary>The file names a text mentions ("invoice-2027-04.pdf", "bridge.jpg"), as written.</summary>
    private static IEnumerable<string> FileNames(string? text) =>
        (text ?? "").Split([' ', '\t', '"', '“', '”', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.TrimEnd('.', ':', ';', '!', '?', '…')).Where(t => FileName().IsMatch(t));

    /// <summary>The control on the page that fetches the file the goal names: its words and the item's ranked, only among controls that fetch a file.</summary>
    private async Task<SearchAttempt?> FileControlAsync(SubGoal goal, List<PageNode> pool, CancellationToken cancellationToken)
    {
        var fetchers = pool.Where(n => FetchesFile(goal, n)).ToList();
        if (fetchers.Count == 0) return null;
        return await OnBestAsync(goal, ActionKind.Click, $"{ObjectWords(goal)} download", fetchers, cancellationToken, n => 1, byMeaning: fetchers.Count > 1).ConfigureAwait(false)
            ?? (fetchers.Count == 1 && _run.Search!.Tried.Add(CandidateKey(ActionKind.Click, fetchers[0]))
                ? new SearchAttempt(CandidateKey(ActionKind.Click, fetchers[0]), SearchStep(ActionKind.Click, fetchers[0], null, goal.Text, fetchers[0].Label()),
                    $"{fetchers[0]} is the one control here that fetches a file")
                : null);
    }

    /// <summary>"The latest statement": the list whose items say a word of the object; none when no list does (a file from another list is not it).</summary>
    private static IReadOnlyList<PageNode>? FileSet(IReadOnlyList<IReadOnlyList<PageNode>> sets, HashSet<string> objectWords)
    {
        var stems = objectWords.Where(w => !FileFormat().IsMatch(w)).Select(TextTokens.Stem).ToHashSet(StringComparer.Ordinal);
        return stems.Count == 0 ? null : sets.FirstOrDefault(x => x.Any(i => OwnStems(i).Overlaps(stems)));
    }

    /// <summary>
    /// "The latest invoice" whose list entry shows no file: open the entry (its own link or clickable text), then take the
    /// control that fetches a file among those the opening showed. An entry whose view shows none is not the one (an
    /// "Invoice payment reminder"), and the next item is tried. Null when the item has nothing to open or was opened.
    /// </summary>
    private SearchAttempt? OpenForFile(SubGoal goal, PageNode item, string itemKey, PageModel page)
    {
        var s = _run.Search!;
        if (s.OpenedItem == itemKey)
        {
            var shown = page.All.Where(n => FetchesFile(goal, n) && n.IsOnScreen && !s.BeforeOpening.Contains(KeyOf(n))).ToList();
            if (shown.Count != 1 || !s.Tried.Add(CandidateKey(ActionKind.Click, shown[0]))) return null;
            return new SearchAttempt(itemKey, SearchStep(ActionKind.Click, shown[0], null, goal.Text, shown[0].Label()),
                $"{shown[0]} fetches a file and showed when \"{Shorten(item.InnerText())}\" was opened");
        }
        if (!s.Revealed.Add("open-item:" + itemKey)) return null;
        // The item's own link or clickable title; its buttons are commands (archive, delete), not a way in, and so is a
        // short link that says one ("Delete"); a title may say anything ("Changes to how we send statements").
        var opener = item.DescendantsAndSelf().FirstOrDefault(n => (n.Role == "link" || n.IsRolelessClickable) && !n.IsDisabled &&
            !(TextTokens.Words(n.Label()).Count <= 3 && DestructiveWords().IsMatch(n.Label())));
        if (opener is null) return null;
        s.OpenedItem = itemKey;
        s.BeforeOpening.Clear();
        s.BeforeOpening.UnionWith(page.All.Where(n => FetchesFile(goal, n)).Select(KeyOf));
        var open = SearchStep(ActionKind.Click, opener, null, $"open \"{Shorten(item.InnerText())}\" to look for its file", opener.Label());
        return new SearchAttempt("reveal", open, $"the item shows no control that fetches a file; open it ({opener})");
    }

    [GeneratedRegex(@"^(download|export|print|save)", RegexOptions.CultureInvariant)]
    private static partial Regex FileVerbs();

    [GeneratedRegex(@"^[\w-]+\.(pdf|csv|xlsx?|docx?|zip|txt|json|xml|png|jpe?g|gif|mp3|mp4|ics)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^(pdf|csv|xlsx?|docx?|zip|txt|json|xml|png|jpe?g|ics)$", RegexOptions.CultureInvariant)]
    private static partial Regex FileFormat();

    [GeneratedRegex("[⤓⬇📥🡇↓]", RegexOptions.CultureInvariant)]
    private static partial Regex DownloadGlyph();
}
