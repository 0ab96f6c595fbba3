using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Evaluation.Conversations;

/// <summary>The JSON of a <see cref="ConversationRun"/>: what <c>eval conversations --json</c> writes and <c>--baseline</c> reads.</summary>
/// <remarks>
/// The host's own JSON has the same shape (snake_case names, enums as words), but one set of options for both the
/// writer and the reader is what keeps a baseline readable after either side changes.
/// </remarks>
internal static class ConversationJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
            // A baseline cut short or edited by hand should be refused where it is wrong, not compared as empty.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };

        // Shared by every caller: nobody may change them after the first use by another.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
