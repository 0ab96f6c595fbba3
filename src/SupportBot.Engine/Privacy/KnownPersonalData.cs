using SupportBot.Schema;
using SupportBot.Orders;
using SupportBot.Storage;
using SupportBot.Understanding.Entities;

namespace SupportBot.Privacy;

/// <summary>The names and address lines a conversation's shopper is known by, to be taken out of its text.</summary>
internal sealed record KnownPersonalData(IReadOnlyList<string> Names, IReadOnlyList<string> AddressLines)
{
    public static KnownPersonalData None { get; } = new([], []);

    /// <summary>What the conversation itself shows: the names the channel gave the shopper and the names they stated.</summary>
    public static KnownPersonalData From(IEnumerable<Activity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var shopper = activities.Where(a => a.From?.Role == "user").ToList();
        var names = shopper.Select(a => a.From?.Name).OfType<string>()
            .Concat(shopper.Select(a => a.Text).OfType<string>().SelectMany(PersonalDataRedactor.StatedNames));
        return new KnownPersonalData(names.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), []);
    }

    public KnownPersonalData With(IEnumerable<string> names, IEnumerable<string> addressLines) => new(
        Names.Concat(names).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        AddressLines.Concat(addressLines).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
}

/// <summary>
/// Gathers what the shop knows about a conversation's shopper: the conversation's own names, the shopper's stored
/// profile, and the customer name and shipping address of every order the conversation mentions.
/// </summary>
internal sealed class ShopperRecords(IConversationStore store, IOrderBackend orders)
{
    public async Task<KnownPersonalData> GatherAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var known = KnownPersonalData.From(activities);
        foreach (var userId in activities.Where(a => a.From?.Role == "user").Select(a => a.From!.Id).Distinct(StringComparer.Ordinal))
        {
            if (await store.FindUserAsync(userId, cancellationToken).ConfigureAwait(false) is { Name: { } name })
            {
                known = known.With([name], []);
            }
        }

        var numbers = new List<Entity>();
        foreach (var text in activities.Select(a => a.Text).OfType<string>())
        {
            OrderNumberRecognizer.Find(text, numbers);
        }

        foreach (var number in numbers.Select(n => n.Value).Distinct(StringComparer.Ordinal))
        {
            try
            {
                if (await orders.FindOrderAsync(number, cancellationToken).ConfigureAwait(false) is { } order)
                {
                    var address = order.ShippingAddress;
                    known = known.With([order.FirstName, address.Name], [address.Line1, .. address.Line2 is { } line2 ? [line2] : Array.Empty<string>()]);
                }
            }
            catch (OrderBackendUnavailableException)
            {
                // The patterns still take out what looks like a name or an address; the backend is asked again next run.
            }
        }

        return known;
    }
}
