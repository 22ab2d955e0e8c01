using System.Text.Json;

namespace ActionAgent.Sites.Tests.Gym;

/// <summary>The gym's tasks.json: every task's id, pattern and goals for seeds 1–3.</summary>
public sealed class GymManifest
{
    public static string SiteDirectory => SiteCatalog.Resolve(SiteCatalog.FindSitesRoot(AppContext.BaseDirectory)!, "gym");

    public required IReadOnlyList<GymTask> Tasks { get; init; }

    public static GymManifest Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SiteDirectory, "tasks.json")));
        var tasks = doc.RootElement.GetProperty("tasks").EnumerateArray().Select(t => new GymTask(
            t.GetProperty("id").GetString()!,
            t.GetProperty("pattern").GetString()!,
            t.GetProperty("goals").EnumerateObject().ToDictionary(g => int.Parse(g.Name, System.Globalization.CultureInfo.InvariantCulture), g => g.Value.GetString()!))).ToList();
        return new GymManifest { Tasks = tasks };
    }
}

/// <summary>One task of the manifest.</summary>
public sealed record GymTask(string Id, string Pattern, IReadOnlyDictionary<int, string> Goals);
