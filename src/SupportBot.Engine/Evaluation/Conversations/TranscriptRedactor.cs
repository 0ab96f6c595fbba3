using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Schema;
using SupportBot.Privacy;

namespace SupportBot.Evaluation.Conversations;

/// <summary>
/// Takes personal data out of a stored conversation before it becomes a test (see <see cref="PersonalDataRedactor"/>
/// for what counts). In what the shopper said it becomes stable stand-ins (<c>shopper@example.com</c>), so the replay
/// still sends something of the same kind; in what the bot said it becomes placeholders (<c>{email}</c>, <c>{any}</c>)
/// that match whatever the bot says back on replay. Order numbers stay: without the e-mail or ZIP on the order they
/// open nothing, and the replay needs them.
/// </summary>
internal static class TranscriptRedactor
{
    public static IReadOnlyList<JsonNode> Redact(IEnumerable<Activity> activities, KnownPersonalData? known = null)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var list = activities.Where(a => a.Type is ActivityTypes.Message or ActivityTypes.Trace or ActivityTypes.Event or ActivityTypes.ConversationUpdate).ToList();
        var all = KnownPersonalData.From(list).With(known?.Names ?? [], known?.AddressLines ?? []);
        var shopper = new PersonalDataRedactor(all.Names, all.AddressLines, StandIn, orderNumbers: false);
        var bot = new PersonalDataRedactor(all.Names, all.AddressLines, Placeholder, orderNumbers: false);
        var result = new List<JsonNode>(list.Count);
        foreach (var activity in list)
        {
            var node = JsonSerializer.SerializeToNode(activity, ActivityJson.Options)!;
            ActivityText.Redact(node, activity.From?.Role == "user" ? shopper : bot, participantName: "Shopper");
            result.Add(node);
        }

        return result;
    }

    private static string StandIn(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Email => "shopper@example.com",
        PersonalDataKind.CardNumber => "4000 0000 0000 0000",
        PersonalDataKind.Phone => "555-0100",
        PersonalDataKind.StreetAddress => "1 Main Street",
        PersonalDataKind.TrackingUrl => "https://example.com/track",
        PersonalDataKind.TrackingNumber => "1Z0000000000000000",
        PersonalDataKind.PostalCode => "00000",
        PersonalDataKind.Name => "Shopper",
        _ => "LP00000000",
    };

    private static string Placeholder(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Email => "{email}",
        PersonalDataKind.CardNumber or PersonalDataKind.Phone => "{number}",
        PersonalDataKind.TrackingNumber => "{tracking}",
        PersonalDataKind.OrderNumber => "{order}",
        _ => "{any}",
    };
}
