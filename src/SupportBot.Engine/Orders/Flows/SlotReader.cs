using System.Text.RegularExpressions;
using SupportBot.Understanding.Entities;

namespace SupportBot.Orders.Flows;

/// <summary>
/// Takes the order number and the proof (e-mail, ZIP/postal code) from a message whenever the shopper gives them,
/// before being asked or several at once. What a bare number means depends on the question: eight digits are an
/// order number while the flow waits for one ("10000002"), five digits a ZIP while it waits for the proof ("its
/// 97205"); elsewhere they stay prices and quantities.
/// </summary>
internal static partial class SlotReader
{
    /// <summary>What a message gave, for the "Thanks — …" confirmation.</summary>
    internal sealed record Taken(string? Number, string? Proof);

    public static bool ExpectsNumber(OrderSession session) => session.Flow is not null && session.Step is null or OrderDialog.NeedNumber or OrderDialog.ChooseOrder;

    public static bool ExpectsProof(OrderSession session) => session.Step is OrderDialog.NeedProof or OrderDialog.NeedEmail or OrderDialog.NeedNumber;

    public static string? NumberIn(OrderSession session, DialogInput input) =>
        input.Entities.FirstOrDefault(e => e.Kind == EntityKind.OrderNumber)?.Value
        ?? (ExpectsNumber(session) && BareOrderNumber().Match(input.Text) is { Success: true } bare ? "LP" + bare.Groups["digits"].Value : null);

    public static string? ProofIn(OrderSession session, DialogInput input) =>
        input.Entities.FirstOrDefault(e => e.Kind == EntityKind.Email)?.Value
        ?? input.Entities.FirstOrDefault(e => e.Kind == EntityKind.PostalCode)?.Value
        ?? (ExpectsProof(session) && BareZip().Match(input.Text) is { Success: true } zip ? zip.Value : null);

    public static bool HasSlot(OrderSession session, DialogInput input) => NumberIn(session, input) is not null || ProofIn(session, input) is not null;

    /// <summary>Keeps the message's order number and proof in the session; a new order number forgets the lines picked for the old one.</summary>
    public static Taken Absorb(OrderSession session, DialogInput input)
    {
        var number = NumberIn(session, input);
        if (number is not null && number != session.OrderNumber)
        {
            session.OrderNumber = number;
            session.SelectedLines.Clear();
        }

        var proof = ProofIn(session, input);
        if (proof is not null)
        {
            session.Proof = proof;
        }

        return new Taken(number, proof);
    }

    // Eight digits on their own (an order number typed without its LP), not inside a longer number or a phone number.
    [GeneratedRegex(@"(?<![0-9A-Za-z$.,-])#?\s?(?<digits>\d{8})(?![0-9A-Za-z%]|[.,-]\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex BareOrderNumber();

    // Five digits on their own: a ZIP when that is what the bot asked for.
    [GeneratedRegex(@"(?<![0-9A-Za-z$€£#.,/-])\d{5}(?:-\d{4})?(?![0-9A-Za-z%/]|[.,:-]?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex BareZip();
}
