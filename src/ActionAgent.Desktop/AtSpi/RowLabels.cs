using ActionAgent.Desktop.Snapshot;

namespace ActionAgent.Desktop.AtSpi;

/// <summary>
/// Names a field that has no name and no LABELLED_BY relation by the label just left of it on its row, as a person
/// reads a form (a <c>zenity --forms</c> dialog lays "Name" and its entry out in a grid without tying them). A browser
/// does the same for an input inside or beside its label; the snapshot then says <c>textbox "Name"</c>, so planners and
/// targets by role and name see what the screen shows. Run after paths are assigned, so paths do not change.
/// </summary>
internal static class RowLabels
{
    // A label further than this from its field, or longer than a label is, is other text on the row.
    private const double MaxGap = 200;
    private const int MaxLabelLength = 40;

    public static void NameFields(IEnumerable<AtSpiElement> windows)
    {
        foreach (var window in windows)
        {
            var shown = window.DescendantsAndSelf().Where(e => e.States.IsShowing && e.Box is { Width: > 0, Height: > 0 }).ToList();
            var labels = shown.Where(e => DesktopRoles.ToAria(e.RoleName) == "text" && e.Name.Length is > 0 and <= MaxLabelLength).ToList();
            var taken = new HashSet<AtSpiElement>();
            foreach (var field in shown.Where(e => e.Name.Length == 0 && IsField(e)))
            {
                var box = field.Box!;
                var label = labels
                    .Where(l => !taken.Contains(l) && l.Box is { } b && b.X + b.Width <= box.X + 2 && box.X - (b.X + b.Width) <= MaxGap
                        && Math.Abs(b.Center.Y - box.Center.Y) <= Math.Max(b.Height, box.Height) / 2)
                    .OrderBy(l => box.X - (l.Box!.X + l.Box.Width))
                    .FirstOrDefault();
                if (label is null) continue;
                taken.Add(label);
                field.Name = label.Name.TrimEnd(':').Trim();
            }
        }
    }

    private static bool IsField(AtSpiElement e) => DesktopRoles.ToAria(e.RoleName) is "textbox" or "spinbutton" or "combobox" or "slider";
}
