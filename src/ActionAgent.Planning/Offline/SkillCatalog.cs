using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ActionAgent.Planning.Offline;

/// <summary>
/// The skills the offline planner knows: the built-in ones (YAML embedded in this assembly) plus any from a user
/// folder (<c>--skills DIR</c>, every <c>*.yaml</c>/<c>*.yml</c>); a user skill with a built-in's name replaces it.
/// </summary>
public sealed class SkillCatalog
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly Lazy<SkillCatalog> BuiltInCatalog = new(() => new SkillCatalog(LoadBuiltIn()));

    /// <summary>Creates a catalog of the given skills.</summary>
    public SkillCatalog(IEnumerable<Skill> skills) => Skills = [.. skills];

    /// <summary>The skills.</summary>
    public IReadOnlyList<Skill> Skills { get; }

    /// <summary>The skills that ship with ActionAgent.</summary>
    public static SkillCatalog BuiltIn => BuiltInCatalog.Value;

    /// <summary>The built-in skills plus those in a folder (which win on a name clash).</summary>
    public static SkillCatalog WithFolder(string? folder)
    {
        if (folder is null) return BuiltIn;
        var user = Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.TopDirectoryOnly)
            .Where(path => !IsVerbsFile(path))
            .Order(StringComparer.Ordinal)
            .Select(path => Parse(File.ReadAllText(path), path))
            .ToList();
        var names = user.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new SkillCatalog(BuiltIn.Skills.Where(s => !names.Contains(s.Name)).Concat(user));
    }

    /// <summary>Whether a file of a skills folder is the goal interpreter's verbs file (<c>verbs.yaml</c>), not a skill.</summary>
    public static bool IsVerbsFile(string path) =>
        Path.GetFileNameWithoutExtension(path).Equals("verbs", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads one skill from YAML text.</summary>
    /// <exception cref="FormatException">The YAML is not a skill.</exception>
    public static Skill Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        // A skill file may come from someone else: deep nesting or an alias bomb is an error, not a crash.
        if (Core.Scenarios.YamlLimits.Check(yaml) is { } limit) throw new FormatException($"{source}({limit.Line},{limit.Column}): {limit.Message}");
        Skill? skill;
        try
        {
            skill = Yaml.Deserialize<SkillDocument?>(yaml)?.ToSkill();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"{source}({e.Start.Line},{e.Start.Column}): {FirstLine(e.InnerException?.Message ?? e.Message)}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"{source}: not a skill: {FirstLine(e.Message)}", e);
        }
        if (skill is null || string.IsNullOrWhiteSpace(skill.Name)) throw new FormatException($"{source}: a skill needs a name");
        if (skill.Exemplars.Count == 0) throw new FormatException($"{source}: skill '{skill.Name}' needs at least one exemplar goal");
        if (skill.Steps.Count == 0) throw new FormatException($"{source}: skill '{skill.Name}' needs at least one step");
        string[] known = ["fill", "click", "select", "check", "uncheck", "press", "choose", "complete"];
        foreach (var step in skill.Steps)
        {
            if (!known.Contains(step.Do)) throw new FormatException($"{source}: skill '{skill.Name}' has a step '{step.Do}'; steps are {string.Join(", ", known)}");
        }
        return skill with { Source = source };
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private static IEnumerable<Skill> LoadBuiltIn()
    {
        var assembly = typeof(SkillCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("skills.", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return Parse(reader.ReadToEnd(), name);
        }
    }

    // YamlDotNet fills mutable classes with concrete lists; the public records stay immutable.
    private sealed class SkillDocument
    {
        public string Name { get; set; } = "";
        public string Description { get; set; } = "";
        public List<string> Exemplars { get; set; } = [];
        public List<string> Requires { get; set; } = [];
        public List<StepDocument> Steps { get; set; } = [];

        // YAML `~` sets any field to null; a missing list is an empty one, and the checks in Parse name what is missing.
        public Skill ToSkill() => new()
        {
            Name = Name ?? "", Description = Description ?? "", Exemplars = [.. (Exemplars ?? []).OfType<string>()], Requires = [.. (Requires ?? []).OfType<string>()],
            Steps = [.. (Steps ?? []).OfType<StepDocument>().Select(s => s.ToStep())],
        };
    }

    private sealed class StepDocument
    {
        public string Do { get; set; } = "";
        public string Target { get; set; } = "";
        public string? Value { get; set; }
        public string As { get; set; } = "text";
        public string? When { get; set; }
        public bool Optional { get; set; }
        public string? Final { get; set; }
        public List<string> Tags { get; set; } = [];

        public SkillStep ToStep() => new()
        {
            Do = Do ?? "", Target = Target ?? "", Value = Value, As = As ?? "text", When = When, Optional = Optional, Final = Final, Tags = [.. (Tags ?? []).OfType<string>()],
        };
    }
}
