using System.Text.RegularExpressions;

namespace SupportBot.Orders.Flows;

/// <summary>Change the delivery address of an order that has not shipped: the new address on one line, a confirmation, the backend.</summary>
internal sealed partial class AddressChangeFlow : IOrderFlow
{
    public string Name => OrderFlow.ChangeAddress;

    public bool ReadsOnly => false;

    public bool Answers(OrderSession session, DialogInput input) => session.Step switch
    {
        OrderDialog.NeedAddress => ParseAddress(input.Text, "") is not null,
        OrderDialog.Confirm => FlowSteps.Answer(input) is not null,
        _ => false,
    };

    public void Absorb(OrderSession session, DialogInput input)
    {
    }

    public string? Question(OrderSession session, OrderWords words) => session.Step switch
    {
        OrderDialog.NeedAddress => words.Say("address.prompt"),
        OrderDialog.Confirm => words.Say("flow.go_ahead"),
        _ => null,
    };

    public async Task<DialogReply> ActAsync(FlowTurn turn, Order order, CancellationToken cancellationToken)
    {
        var (session, words, input) = (turn.Session, turn.Words, turn.Input);
        var number = ("order", order.Number);
        if (order.Status is not (OrderStatus.Placed or OrderStatus.Processing))
        {
            return FlowSteps.Finish(session, words.Say(order.Status == OrderStatus.Cancelled ? "address.cancelled" : "address.shipped", number), []);
        }

        switch (session.Step)
        {
            case OrderDialog.NeedAddress:
                session.PendingAddress = ParseAddress(input.Text, order.ShippingAddress.Name);
                return FlowSteps.Ask(session, OrderDialog.Confirm, words.Say("address.confirm", number, ("address", Format(session.PendingAddress!))),
                    FlowSteps.Buttons(words, "button.yes_change", "button.no"));
            case OrderDialog.Confirm when FlowSteps.Answer(input) == true:
                try
                {
                    var changed = await turn.Access.ChangeShippingAddressAsync(session, order, session.PendingAddress!, cancellationToken).ConfigureAwait(false);
                    return FlowSteps.Finish(session, words.Say("address.done", number, ("address", Format(changed.ShippingAddress))), [])
                        with { Change = new OrderChange(order.Number, "address_changed") };
                }
                catch (OrderActionRefusedException refused)
                {
                    return FlowSteps.Finish(session, words.Say("address.refused", ("refusal", OrderReplies.Refusal(refused.Code, words))), []);
                }

            case OrderDialog.Confirm:
                return FlowSteps.Finish(session, words.Say("address.kept", number), []);
            default:
                return FlowSteps.Ask(session, OrderDialog.NeedAddress,
                    words.Say("address.current", number, ("address", Format(order.ShippingAddress)), ("prompt", words.Say("address.prompt"))));
        }
    }

    /// <summary>"12 Oak St, Portland, OR 97205" (a country may follow); null when it is not an address.</summary>
    internal static Address? ParseAddress(string text, string name)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
        {
            return null;
        }

        var country = parts.Length > 3 && parts[^1].Length is >= 2 and <= 14 && !parts[^1].Any(char.IsDigit) ? parts[^1] : null;
        var last = country is null ? parts[^1] : parts[^2];
        var match = RegionAndPostal().Match(last);
        if (!match.Success || !parts[0].Any(char.IsDigit))
        {
            return null;
        }

        var postal = match.Groups["postal"].Value.ToUpperInvariant();
        var canadian = char.IsLetter(postal[0]);
        if (canadian && postal.Length == 6)
        {
            postal = postal[..3] + " " + postal[3..];
        }

        var cityIndex = country is null ? parts.Length - 2 : parts.Length - 3;
        var line2 = cityIndex > 1 ? string.Join(", ", parts[1..cityIndex]) : null;
        return new Address(name, parts[0], line2, parts[cityIndex], match.Groups["region"].Value.ToUpperInvariant(), postal, canadian ? "CA" : "US");
    }

    private static string Format(Address address) =>
        $"{address.Line1}{(address.Line2 is null ? "" : ", " + address.Line2)}, {address.City}, {address.Region} {address.PostalCode}";

    [GeneratedRegex(@"^(?<region>[A-Za-z]{2})\s+(?<postal>\d{5}(?:-\d{4})?|[A-Za-z]\d[A-Za-z]\s?\d[A-Za-z]\d)$")]
    private static partial Regex RegionAndPostal();
}
