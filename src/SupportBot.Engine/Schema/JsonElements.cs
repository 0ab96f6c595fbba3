using System.Text.Json;

namespace SupportBot.Schema;

/// <summary>Reads of loosely shaped JSON (entities, transcript lines) where a missing or non-string member is simply absent.</summary>
internal static class JsonElements
{
    public static string? StringOf(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
