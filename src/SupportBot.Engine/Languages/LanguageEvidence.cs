using System.Text;
using System.Text.RegularExpressions;
using SupportBot.Understanding.Entities;

namespace SupportBot.Languages;

/// <summary>
/// What of a message says which language it is in: its words, once the values that belong to no language are taken
/// out (order numbers, e-mail addresses, postal codes, tracking numbers, amounts, web addresses, any other token with
/// a digit), and the names: a capitalised word after the first ("Nike Air Max", "UPS", "Kindle Paperwhite") is a brand,
/// a product or a place, the same in every language, and reads as English to the detector when the sentence is
/// French. "I" stays: it is English grammar. A message in capitals keeps every word.
/// </summary>
internal sealed partial class LanguageEvidence
{
    private static readonly EntityKind[] LanguageFree =
        [EntityKind.OrderNumber, EntityKind.Email, EntityKind.PostalCode, EntityKind.TrackingNumber, EntityKind.Amount];

    private LanguageEvidence(string text, int distinctWords)
    {
        Text = text;
        DistinctWords = distinctWords;
    }

    /// <summary>The words left, separated by single spaces.</summary>
    public string Text { get; }

    /// <summary>How many different words (case ignored) are left.</summary>
    public int DistinctWords { get; }

    public static LanguageEvidence Of(string message, EntityExtractor entities)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(entities);
        var kept = new StringBuilder(message.Length);
        var at = 0;
        foreach (var entity in entities.Extract(message).Where(e => LanguageFree.Contains(e.Kind)))
        {
            kept.Append(message, at, entity.Start - at).Append(' ');
            at = entity.Start + entity.Length;
        }

        kept.Append(message, at, message.Length - at);
        var words = Word().Matches(WebAddress().Replace(kept.ToString(), " "))
            .Select(m => m.Value)
            .Where(w => !w.Any(char.IsDigit))
            .ToList();
        var capitalised = words.Count(w => char.IsUpper(w[0]));
        if (capitalised * 2 <= words.Count)
        {
            words = [.. words.Where((w, i) => i == 0 || !char.IsUpper(w[0]) || IsEnglishI(w))];
        }

        var distinct = words.Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Count();
        return new LanguageEvidence(string.Join(' ', words), distinct);
    }

    /// <summary>"I", "I'm", "I'd", "I've", "I'll": capitalised wherever they stand, and English.</summary>
    private static bool IsEnglishI(string word) => word == "I" || (word.Length > 2 && word[0] == 'I' && word[1] is '\'' or '’');

    /// <summary>A web address, with or without its scheme (<c>https://…</c>, <c>www.…</c>, <c>shop.example/returns</c>).</summary>
    [GeneratedRegex(@"\b(https?://|www\.)\S+|\b[\w-]+(\.[\w-]+)+/\S*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WebAddress();

    /// <summary>A token of letters and digits, with inner apostrophes and hyphens ("l'adresse", "est-ce", "don't").</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Word();
}
