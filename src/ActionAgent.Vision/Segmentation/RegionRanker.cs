using System.Text.RegularExpressions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Vision.Segmentation;

/// <summary>Turns segmented regions into ranked candidates for a point, box, text or "everything" prompt.</summary>
internal static partial class RegionRanker
{
    private static readonly Dictionary<string, string> KindWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["button"] = RegionKinds.Button, ["btn"] = RegionKinds.Button,
        ["field"] = RegionKinds.Field, ["box"] = RegionKinds.Field, ["input"] = RegionKinds.Field, ["textbox"] = RegionKinds.Field,
        ["icon"] = RegionKinds.Icon, ["checkbox"] = RegionKinds.Icon,
        ["link"] = RegionKinds.Text, ["label"] = RegionKinds.Text, ["text"] = RegionKinds.Text,
    };

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "of", "on", "in", "to", "for" };

    public static async Task<IReadOnlyList<LocatedElement>> RankAsync(IReadOnlyList<UiRegion> regions, LocateRequest request,
        ITextEmbedder? embedder, CancellationToken cancellationToken)
    {
        IEnumerable<LocatedElement> ranked;
        if (request.Text is { } text)
        {
            ranked = await RankByTextAsync(regions, text, embedder, cancellationToken).ConfigureAwait(false);
        }
        else if (request.Point is { } point)
        {
            ranked = regions.Where(r => r.Box.Contains(point.X, point.Y))
                .OrderBy(r => r.Box.Area)
                .Select((r, i) => ToElement(r, Math.Pow(0.85, i)));
        }
        else if (request.Box is { } box)
        {
            ranked = regions
                .Select(r => (r, share: r.Box.Area <= 0 ? 0 : Intersection(r.Box, box) / r.Box.Area))
                .Where(x => x.share >= 0.8)
                .OrderByDescending(x => RegionKinds.IsControl(x.r.Kind)).ThenBy(x => x.r.Box.Y).ThenBy(x => x.r.Box.X)
                .Select(x => ToElement(x.r, x.share));
        }
        else
        {
            ranked = regions
                .OrderByDescending(r => RegionKinds.IsControl(r.Kind)).ThenBy(r => r.Box.Y).ThenBy(r => r.Box.X)
                .Select(r => ToElement(r, RegionKinds.IsControl(r.Kind) ? 1.0 : 0.6));
        }
        return ranked.Take(request.MaxResults).ToList();
    }

    private static async Task<IEnumerable<LocatedElement>> RankByTextAsync(IReadOnlyList<UiRegion> regions, string prompt,
        ITextEmbedder? embedder, CancellationToken cancellationToken)
    {
        var tokens = Words(prompt).Where(w => !StopWords.Contains(w)).ToList();
        var wantedKind = tokens.Select(t => KindWords.GetValueOrDefault(t)).LastOrDefault(k => k is not null);
        var core = tokens.Where(t => !KindWords.ContainsKey(t)).ToList();
        if (core.Count == 0) core = tokens;
        var phrase = string.Join(" ", core);
        var readable = regions.Where(r => r.Description.Length > 0).ToList();
        if (readable.Count == 0 || phrase.Length == 0) return [];

        float[][]? vectors = null;
        var distinct = readable.Select(r => r.Description).Distinct(StringComparer.Ordinal).ToList();
        if (embedder is not null)
        {
            var embedded = await embedder.EmbedAsync([phrase, .. distinct], cancellationToken).ConfigureAwait(false);
            vectors = [.. embedded];
        }
        var scored = new List<(UiRegion Region, double Score)>();
        foreach (var region in readable)
        {
            var regionWords = Words(region.Description).ToList();
            var lexical = core.Count(c => regionWords.Any(w => SameWord(c, w))) / (double)core.Count;
            var exact = string.Equals(string.Join(" ", regionWords), phrase, StringComparison.OrdinalIgnoreCase);
            var semantic = 0.0;
            if (vectors is not null)
            {
                var v = vectors[1 + distinct.IndexOf(region.Description)];
                semantic = Dot(vectors[0], v);
            }
            // Extra words in the region ("Pay €138" for "pay") cost a little, so the tightest match wins.
            var extra = Math.Max(0, regionWords.Count - core.Count);
            var score = exact ? 1.0 : Math.Max(0.95 * lexical - (0.02 * Math.Min(extra, 5)), semantic);
            if (wantedKind is not null)
            {
                score = KindFits(wantedKind, region.Kind) ? Math.Min(1, score + 0.05) : score * 0.7;
            }
            scored.Add((region, Math.Clamp(score, 0, 1)));
        }
        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Region.Box.Area).Select(s => ToElement(s.Region, s.Score));
    }

    private static bool KindFits(string wanted, string actual) =>
        wanted == actual || (wanted == RegionKinds.Button && actual == RegionKinds.Icon) || (wanted == RegionKinds.Icon && actual == RegionKinds.Button);

    private static bool SameWord(string wanted, string seen)
    {
        if (string.Equals(wanted, seen, StringComparison.OrdinalIgnoreCase)) return true;
        if (wanted.Length >= 4 && seen.Length >= 4 && (seen.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) || wanted.StartsWith(seen, StringComparison.OrdinalIgnoreCase))) return true;
        return wanted.Length >= 5 && Levenshtein(wanted.ToLowerInvariant(), seen.ToLowerInvariant()) <= 1;
    }

    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }
        return d[a.Length, b.Length];
    }

    internal static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Intersection(Core.Actions.BoundingBox a, Core.Actions.BoundingBox b)
    {
        var w = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
        var h = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    private static LocatedElement ToElement(UiRegion r, double score) =>
        new(r.Box, r.Description.Length == 0 ? null : r.Description, Math.Round(score, 3), r.Kind);

    [GeneratedRegex(@"[\p{L}\p{N}€$£]+")]
    private static partial Regex WordPattern();
}
