using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ActionAgent.Cli.Mcp;

/// <summary>
/// Checks a call's arguments against the tool's own input schema before the tool runs, so a model that left out a
/// required argument, misspelt one (<c>start_url</c> for <c>startUrl</c>) or gave a number for a string gets an error
/// result naming the argument and the ones the tool takes, rather than the SDK's generic "an error occurred".
/// </summary>
internal static class ToolArgumentCheck
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var name = context.Params?.Name;
            var tool = context.MatchedPrimitive as McpServerTool
                       ?? context.Server.ServerOptions.ToolCollection?.FirstOrDefault(t => t.ProtocolTool.Name == name);
            if (tool is not null && Problem(tool.ProtocolTool, context.Params?.Arguments) is { } problem)
            {
                Serilog.Log.Warning("Tool {Tool} refused its arguments: {Problem}", name, problem);
                return ToolResults.Error(problem);
            }
            return await next(context, cancellationToken);
        };

    /// <summary>What is wrong with <paramref name="arguments"/> for <paramref name="tool"/>, or null.</summary>
    internal static string? Problem(Tool tool, IDictionary<string, JsonElement>? arguments)
    {
        var schema = tool.InputSchema;
        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal)
            : [];
        var known = properties.Count == 0 ? "none" : string.Join(", ", properties.Keys.Select(k => $"'{k}'"));
        foreach (var (argument, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            if (!properties.TryGetValue(argument, out var property))
            {
                return $"{tool.Name}: there is no argument '{argument}'; the arguments are {known}.";
            }
            if (value.ValueKind != JsonValueKind.Null && Expects(property, "string") && value.ValueKind != JsonValueKind.String)
            {
                return $"{tool.Name}: the argument '{argument}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}.";
            }
        }
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
            {
                if (arguments is null || !arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null ||
                    (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
                {
                    var description = properties.TryGetValue(name, out var property) && property.TryGetProperty("description", out var d) ? $" ({d.GetString()})" : "";
                    return $"{tool.Name}: the argument '{name}' is required{description}.";
                }
            }
        }
        return null;
    }

    /// <summary>Whether the property's <c>type</c> (a name or a list of names) includes <paramref name="type"/>.</summary>
    private static bool Expects(JsonElement property, string type) =>
        property.TryGetProperty("type", out var t) && (t.ValueKind == JsonValueKind.String ? t.GetString() == type
            : t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(e => e.GetString() == type));
}
