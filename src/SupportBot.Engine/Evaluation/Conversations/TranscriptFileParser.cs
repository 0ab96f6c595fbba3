using System.Text.Json;
using SupportBot.Schema;

namespace SupportBot.Evaluation.Conversations;

/// <summary>
/// Reads a Bot Framework <c>.transcript</c> file as the Emulator and the transcript middleware write it: a JSON array
/// of activities, or an object holding them under <c>transcript</c> or <c>activities</c>. The shopper's messages are
/// replayed; the bot's recorded messages are what it should say again; our <c>SupportBot.Decision</c> traces, when
/// present, give the intent, FAQ source and handoff to compare semantically. Unknown fields and other activity types
/// (conversationUpdate, typing, other traces) are tolerated.
/// </summary>
internal static class TranscriptFileParser
{
    public static (ScriptedConversation? Conversation, IReadOnlyList<FileProblem> Problems) Parse(string text, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return (null, [new FileProblem(path, (int)(ex.LineNumber ?? 0) + 1, "not valid JSON: " + ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0])]);
        }

        using (document)
        {
            var root = document.RootElement;
            var activities = root.ValueKind switch
            {
                JsonValueKind.Array => root,
                JsonValueKind.Object when root.TryGetProperty("transcript", out var t) && t.ValueKind == JsonValueKind.Array => t,
                JsonValueKind.Object when root.TryGetProperty("activities", out var a) && a.ValueKind == JsonValueKind.Array => a,
                _ => default,
            };
            if (activities.ValueKind != JsonValueKind.Array)
            {
                return (null, [new FileProblem(path, 1, "expected a JSON array of activities, or an object with 'transcript' or 'activities'")]);
            }

            var turns = new List<Builder>();
            Builder? current = null;
            var index = 0;
            foreach (var activity in activities.EnumerateArray())
            {
                index++;
                if (activity.ValueKind != JsonValueKind.Object)
                {
                    return (null, [new FileProblem(path, 1, $"activity {index} is not an object")]);
                }

                var type = activity.StringOf("type");
                var role = activity.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object ? from.StringOf("role") : null;
                if (type == "message" && role != "bot")
                {
                    var said = activity.StringOf("text") ?? activity.StringOf("value");
                    if (string.IsNullOrWhiteSpace(said))
                    {
                        continue;
                    }

                    current = new Builder(index, said.Trim(), IsStart: false);
                    turns.Add(current);
                }
                else if (type == "message")
                {
                    current ??= Start(turns, index);
                    current.Texts.Add(activity.StringOf("text"));
                }
                else if (type == "trace" && activity.StringOf("name") == "SupportBot.Decision" && activity.TryGetProperty("value", out var decision) && decision.ValueKind == JsonValueKind.Object)
                {
                    current ??= Start(turns, index);
                    // Later turns of a handed-off conversation repeat its reason; only the turn that handed off made the decision.
                    var handoff = decision.StringOf("action") == "handoff" ? decision.StringOf("handoff") ?? "none" : "none";
                    current.Recorded = new RecordedDecision(decision.StringOf("intent"), decision.StringOf("faqId"), handoff);
                }
            }

            if (turns.All(t => t.IsStart))
            {
                return (null, [new FileProblem(path, 1, "no message from the shopper: nothing to replay")]);
            }

            var name = System.IO.Path.GetFileNameWithoutExtension(path);
            return (new ScriptedConversation(name, path, [.. turns.Select(t => t.Build())]), []);
        }
    }

    private static Builder Start(List<Builder> turns, int index)
    {
        var start = new Builder(index, "", IsStart: true);
        turns.Add(start);
        return start;
    }

    /// <summary>The activity's position stands in for a line number: transcripts are machine-written JSON.</summary>
    private sealed record Builder(int Position, string UserText, bool IsStart)
    {
        public List<string?> Texts { get; } = [];

        public RecordedDecision? Recorded { get; set; }

        public ScriptedTurn Build() => new(Position, UserText) { IsStart = IsStart, BotTexts = Texts, Recorded = Recorded };
    }
}
