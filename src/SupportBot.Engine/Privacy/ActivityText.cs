using System.Text.Json.Nodes;

namespace SupportBot.Privacy;

/// <summary>
/// Walks an activity as JSON and redacts every free-text string in it (text, card content, trace values, channel
/// data), leaving the protocol's own fields (ids, types, roles, timestamps, URLs of the service) as they are.
/// </summary>
internal static class ActivityText
{
    private static readonly HashSet<string> ProtocolFields = new(StringComparer.Ordinal)
    {
        "id", "replyToId", "type", "channelId", "serviceUrl", "timestamp", "localTimestamp", "role", "valueType", "name", "label",
        "clientActivityID", "textFormat", "inputHint", "locale", "contentType",
    };

    /// <param name="node">The activity, changed in place.</param>
    /// <param name="redactor">How its text is redacted.</param>
    /// <param name="participantName">What a shopper's name as a participant (from, recipient, membersAdded) becomes.</param>
    public static void Redact(JsonNode node, PersonalDataRedactor redactor, string participantName)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(redactor);
        switch (node)
        {
            case JsonObject obj:
                if (obj["role"] is JsonValue role && role.TryGetValue<string>(out var r) && r == "user" && obj["name"] is not null)
                {
                    obj["name"] = participantName;
                }

                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text) && !ProtocolFields.Contains(key))
                    {
                        obj[key] = redactor.Redact(text);
                    }
                    else if (child is not null and not JsonValue)
                    {
                        Redact(child, redactor, participantName);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = redactor.Redact(text);
                    }
                    else if (array[i] is { } child)
                    {
                        Redact(child, redactor, participantName);
                    }
                }

                break;
        }
    }
}
