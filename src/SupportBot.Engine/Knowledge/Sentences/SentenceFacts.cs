using System.Text.RegularExpressions;

namespace SupportBot.Knowledge.Sentences;

/// <summary>
/// What in a sentence changes what a shopper may rely on: its numbers (days, money, percentages, dates), whether it
/// is negated ("don't", "never", "no"; "ne … pas", "jamais"; "no", "nunca"), and whether it states a condition,
/// exception or limit ("within", "unless", "except", "only"; "sauf", "seulement"; "salvo", "hasta"). A reply that
/// leaves such a sentence out, or repeats it without its number or its "not", promises something the shop does not.
/// The words are the sentence's language's (<see cref="FactLanguage"/>); English when none is given.
/// </summary>
internal sealed record SentenceFacts(IReadOnlySet<string> Numbers, bool Negated, IReadOnlySet<string> Conditions)
{
    /// <summary>True when leaving the sentence out of a reply could change what the shopper may rely on.</summary>
    public bool Conditional => Conditions.Count > 0;

    public bool MustKeep => Numbers.Count > 0 || Negated || Conditional;

    public static SentenceFacts Of(string plainText, FactLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(plainText);
        var rules = language ?? FactLanguage.English;
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match number in rules.Number.Matches(plainText))
        {
            numbers.Add(rules.NormalizeNumber(number.Value));
        }

        foreach (Match word in rules.NumberWord.Matches(plainText))
        {
            numbers.Add(rules.NumberWords[RomanceFactWords.Spaces().Replace(word.Value, " ")]);
        }

        var conditions = rules.Condition.Matches(plainText).Select(m => rules.NormalizeCondition(m.Value)).ToHashSet(StringComparer.Ordinal);
        return new SentenceFacts(numbers, rules.Negation.IsMatch(plainText), conditions);
    }
}
