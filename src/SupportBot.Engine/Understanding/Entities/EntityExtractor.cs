using System.Text.RegularExpressions;

namespace SupportBot.Understanding.Entities;

/// <summary>
/// Finds order numbers, e-mail addresses, postal codes, tracking numbers, dates and amounts in a shopper's message.
/// </summary>
/// <param name="time">Gives today's date (UTC) that relative dates ("yesterday", "last monday") resolve against.</param>
internal sealed class EntityExtractor(TimeProvider time)
{
    /// <summary>
    /// A backstop only: every pattern is linear in the input, so this is never reached on real text, but a message
    /// must never hang a turn.
    /// </summary>
    internal const int MatchTimeoutMilliseconds = 1000;

    internal const RegexOptions Options =
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // When two candidates overlap and are equally long, the kind with the stricter format wins: an "LP" order number
    // or a "1Z" tracking number cannot be anything else, while a bare date or ZIP could be.
    private static readonly EntityKind[] Specificity =
    [
        EntityKind.Email, EntityKind.OrderNumber, EntityKind.TrackingNumber,
        EntityKind.Amount, EntityKind.PostalCode, EntityKind.Date,
    ];

    /// <summary>Every entity in <paramref name="text"/>, ordered by position, none overlapping another.</summary>
    /// <remarks>Where candidates overlap, the longer one wins, then the more specific kind.</remarks>
    public IReadOnlyList<Entity> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var candidates = new List<Entity>();
        Collect(candidates, () => OrderNumberRecognizer.Find(text, candidates));
        Collect(candidates, () => EmailRecognizer.Find(text, candidates));
        Collect(candidates, () => TrackingNumberRecognizer.Find(text, candidates));
        Collect(candidates, () => PostalCodeRecognizer.Find(text, candidates));
        Collect(candidates, () => AmountRecognizer.Find(text, candidates));
        Collect(candidates, () => DateRecognizer.Find(text, today, candidates));
        return Resolve(text.Length, candidates);
    }

    private static void Collect(List<Entity> candidates, Action find)
    {
        var before = candidates.Count;
        try
        {
            find();
        }
        catch (RegexMatchTimeoutException)
        {
            // A kind that timed out is dropped whole, so no half-read values reach the conversation; the others stand.
            candidates.RemoveRange(before, candidates.Count - before);
        }
    }

    private static List<Entity> Resolve(int textLength, List<Entity> candidates)
    {
        candidates.Sort(static (a, b) =>
        {
            var byLength = b.Length.CompareTo(a.Length);
            if (byLength != 0)
            {
                return byLength;
            }

            var bySpecificity = Array.IndexOf(Specificity, a.Kind).CompareTo(Array.IndexOf(Specificity, b.Kind));
            return bySpecificity != 0 ? bySpecificity : a.Start.CompareTo(b.Start);
        });

        var taken = new bool[textLength];
        var chosen = new List<Entity>();
        foreach (var candidate in candidates)
        {
            var span = taken.AsSpan(candidate.Start, candidate.Length);
            if (span.Contains(true))
            {
                continue;
            }

            span.Fill(true);
            chosen.Add(candidate);
        }

        chosen.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }
}
