using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupportBot.Conversation.Schema;

namespace SupportBot.Evaluation.Conversations;

/// <summary>
/// Takes personal data out of a stored conversation before it becomes a test: e-mail addresses, phone numbers,
/// card-like numbers, ZIP and postal codes, and the shopper's name. In what the shopper said they become stable
/// stand-ins (<c>shopper@example.com</c>), so the replay still sends something of the same kind; in what the bot said
/// they become placeholders (<c>{email}</c>, <c>{any}</c>) that match whatever the bot says back on replay.
/// Order numbers stay: without the e-mail or ZIP on the order they open nothing.
/// </summary>
public static partial class TranscriptRedactor
{
    public static IReadOnlyList<JsonNode> Redact(IEnumerable<Activity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var list = activities.Where(a => a.Type is ActivityTypes.Message or ActivityTypes.Trace or ActivityTypes.Event or ActivityTypes.ConversationUpdate).ToList();
        var names = list.Where(a => a.From?.Role == "user").Select(a => a.From?.Name).OfType<string>()
            .SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(n => n.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var result = new List<JsonNode>(list.Count);
        foreach (var activity in list)
        {
            var fromShopper = activity.From?.Role == "user";
            var node = JsonSerializer.SerializeToNode(activity, ActivityJson.Options)!;
            Walk(node, fromShopper, names);

            result.Add(node);
        }

        return result;
    }

    /// <summary>Redacts one text as the shopper's (stand-ins) or the bot's (placeholders).</summary>
    public static string RedactText(string text, bool fromShopper, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        text = Email().Replace(text, fromShopper ? "shopper@example.com" : "{email}");
        text = Card().Replace(text, fromShopper ? "4000 0000 0000 0000" : "{number}");
        text = Phone().Replace(text, fromShopper ? "555-0100" : "{number}");
        text = CanadianPostcode().Replace(text, fromShopper ? "A1A 1A1" : "{any}");
        text = Zip().Replace(text, fromShopper ? "00000" : "{number}");
        foreach (var name in names)
        {
            text = Regex.Replace(text, $@"\b{Regex.Escape(name)}\b", fromShopper ? "Shopper" : "{any}", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        }

        return text;
    }

    private static void Walk(JsonNode node, bool fromShopper, IReadOnlyList<string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                // The shopper as a participant (from, recipient, membersAdded) keeps the role and loses the name.
                if (obj["role"]?.GetValue<string>() == "user" && obj["name"] is not null)
                {
                    obj["name"] = "Shopper";
                }

                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text) && key is not ("id" or "replyToId" or "type" or "channelId" or "serviceUrl" or "timestamp" or "localTimestamp" or "role" or "valueType" or "name" or "label"))
                    {
                        obj[key] = RedactText(text, fromShopper, names);
                    }
                    else if (child is not null)
                    {
                        Walk(child, fromShopper, names);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = RedactText(text, fromShopper, names);
                    }
                    else if (array[i] is { } child)
                    {
                        Walk(child, fromShopper, names);
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?:\d[ -]?){13,19}\b")]
    private static partial Regex Card();

    [GeneratedRegex(@"(?<!\w)(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b", RegexOptions.IgnoreCase)]
    private static partial Regex CanadianPostcode();

    [GeneratedRegex(@"(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])")]
    private static partial Regex Zip();
}
