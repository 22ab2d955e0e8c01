using System.Text.Json.Nodes;
using CsCheck;

namespace ActionAgent.Cli.Tests.Safety.Fuzz;

/// <summary>
/// One structural edit of a JSON document (a recording): a node, picked by its position in document order, is
/// nulled, removed, given the wrong type, a hostile string (a path out of the folder), an extreme number, duplicated,
/// or wrapped in arrays.
/// </summary>
internal sealed record JsonMutation(int Kind, int Node, int Value)
{
    private static readonly JsonNode?[] Values =
    [
        null, "", "/proc/self/environ", "../../../etc/hostname", "shots/../../x.png", "\u0000\u001b", 0, -1, int.MaxValue, long.MinValue, 1e308, true,
        "${secrets.card_number}", "CI_TOKEN", new JsonArray(), new JsonObject(), "99999999999h", "not-an-action", "file:///etc/passwd",
    ];

    public static Gen<JsonMutation> Gen { get; } =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 5], CsCheck.Gen.Int[0, int.MaxValue], CsCheck.Gen.Int[0, Values.Length - 1], (kind, node, value) => new JsonMutation(kind, node, value));

    public JsonNode Apply(JsonNode root)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[Node % nodes.Count];
        if (target.Parent is not { } parent) return root;
        var value = Values[Value]?.DeepClone();
        switch (Kind)
        {
            case 0:
                Replace(parent, target, null);
                break;
            case 1:
                if (parent is JsonObject obj) obj.Remove(target.GetPropertyName());
                else ((JsonArray)parent).Remove(target);
                break;
            case 2 or 3:
                Replace(parent, target, value);
                break;
            case 4:
                if (parent is JsonArray array) array.Add(target.DeepClone());
                else Replace(parent, target, new JsonArray(target.DeepClone()));
                break;
            default:
                JsonNode wrapped = target.DeepClone();
                for (var i = 0; i < 1 + Value % 8; i++) wrapped = new JsonArray(wrapped);
                Replace(parent, target, wrapped);
                break;
        }
        return root;
    }

    private static void Replace(JsonNode parent, JsonNode target, JsonNode? value)
    {
        if (parent is JsonObject obj) obj[target.GetPropertyName()] = value;
        else ((JsonArray)parent)[target.GetElementIndex()] = value;
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null) return;
        nodes.Add(node);
        if (node is JsonObject obj) foreach (var (_, child) in obj) Collect(child, nodes);
        else if (node is JsonArray array) foreach (var child in array) Collect(child, nodes);
    }

    public override string ToString() => $"{Kind}@{Node}={Values[Value]?.ToJsonString() ?? "null"}";
}
