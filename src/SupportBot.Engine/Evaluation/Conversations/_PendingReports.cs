// Placeholder until the report branch is merged.
using System.Text.Json;

namespace SupportBot.Evaluation.Conversations;

public static class ConversationJson
{
    public static readonly JsonSerializerOptions Options = new();
}

public static class BaselineComparer
{
    public static BaselineComparison Compare(ConversationRun baseline, ConversationRun current) => new([], []);

    public static ConversationRun? ReadBaseline(string json, out string? error)
    {
        error = null;
        return null;
    }
}
