using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Host.Views;

/// <summary>The JSON the host writes for scripts and HTTP clients: snake_case names, enums as words, indented.</summary>
internal static class ViewJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
