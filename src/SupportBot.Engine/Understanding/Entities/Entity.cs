namespace SupportBot.Understanding.Entities;

/// <summary>A value found in a message.</summary>
/// <param name="Kind">What the value is.</param>
/// <param name="Text">The characters of the message it was read from, as the shopper wrote them.</param>
/// <param name="Value">
/// The normalised value: order number <c>LP20481736</c>; e-mail lower-cased; postal code <c>12345</c>,
/// <c>12345-6789</c> or <c>K1A 0B1</c>; tracking number upper-case without spaces; date <c>yyyy-MM-dd</c>;
/// amount <c>12.50 USD</c> (invariant culture, two decimals).
/// </param>
/// <param name="Start">Index of the first character of <paramref name="Text"/> in the message.</param>
/// <param name="Length">Length of <paramref name="Text"/>.</param>
internal sealed record Entity(EntityKind Kind, string Text, string Value, int Start, int Length)
{
    internal static Entity From(EntityKind kind, string message, int start, int length, string value) =>
        new(kind, message.Substring(start, length), value, start, length);
}
