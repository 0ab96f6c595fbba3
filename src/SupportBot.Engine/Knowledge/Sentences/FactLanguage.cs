using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using SupportBot.Knowledge.Search;

namespace SupportBot.Knowledge.Sentences;

/// <summary>
/// How one language writes the facts a sentence carries: its numbers (decimal comma and spaced thousands in French
/// and Spanish), its number words, its negations ("ne … pas", "no", "nunca"), its conditions and limits ("sauf",
/// "hasta", "dans les 30 jours"), the abbreviations after which a full stop does not end a sentence ("EE. UU.",
/// "p. ex."), and the analysis of its content words. English is the rules as they always were; a language without
/// rules of its own reads with the English ones.
/// </summary>
internal sealed class FactLanguage
{
    private static readonly ConcurrentDictionary<string, Analyzer> Analyzers = new(StringComparer.Ordinal);

    private readonly Func<string, string> _number;
    private readonly HashSet<string> _abbreviations;

    private FactLanguage(string code, Regex number, Func<string, string> normalizeNumber, Regex numberWord, IReadOnlyDictionary<string, string> numberWords,
        Regex negation, Regex condition, Regex boundary, IEnumerable<string> abbreviations)
    {
        Code = code;
        Number = number;
        _number = normalizeNumber;
        NumberWord = numberWord;
        NumberWords = numberWords;
        Negation = negation;
        Condition = condition;
        Boundary = boundary;
        _abbreviations = abbreviations.ToHashSet(StringComparer.Ordinal);
    }

    public static FactLanguage English { get; } = new(KnowledgeBase.English, EnglishFactWords.Number(), EnglishFactWords.NormalizeNumber,
        EnglishFactWords.NumberWord(), EnglishFactWords.NumberWords, EnglishFactWords.Negation(), EnglishFactWords.Condition(), EnglishFactWords.Boundary(), []);

    public static FactLanguage French { get; } = new("fr", RomanceFactWords.FrenchNumber(), RomanceFactWords.NormalizeFrenchNumber,
        RomanceFactWords.FrenchNumberWord(), RomanceFactWords.FrenchNumberWords, RomanceFactWords.FrenchNegation(), RomanceFactWords.FrenchCondition(),
        RomanceFactWords.Boundary(), RomanceFactWords.FrenchAbbreviations);

    public static FactLanguage Spanish { get; } = new("es", RomanceFactWords.SpanishNumber(), RomanceFactWords.NormalizeSpanishNumber,
        RomanceFactWords.SpanishNumberWord(), RomanceFactWords.SpanishNumberWords, RomanceFactWords.SpanishNegation(), RomanceFactWords.SpanishCondition(),
        RomanceFactWords.Boundary(), RomanceFactWords.SpanishAbbreviations);

    /// <summary>The two-letter code of the language.</summary>
    public string Code { get; }

    public Regex Number { get; }

    public Regex NumberWord { get; }

    /// <summary>Number words as digits, keyed by the word in lower case.</summary>
    public IReadOnlyDictionary<string, string> NumberWords { get; }

    public Regex Negation { get; }

    public Regex Condition { get; }

    /// <summary>Where one sentence may end and the next begin.</summary>
    public Regex Boundary { get; }

    /// <summary>The rules of a language (<c>fr</c>, <c>es</c>, a locale such as <c>fr-FR</c>); English for none or one without rules.</summary>
    public static FactLanguage For(string? language)
    {
        var code = language is null ? null : KnowledgeLanguages.Of(language);
        return code switch
        {
            "fr" => French,
            "es" => Spanish,
            _ => English,
        };
    }

    /// <summary>The analysis of the language's content words, as its search index reads them (one shared analyzer per language).</summary>
    public Analyzer Analyzer => Code == KnowledgeBase.English ? Sentence.Analyzer : Analyzers.GetOrAdd(Code, ShopperAnalyzers.For);

    /// <summary>A number as written ("1 000", "5,95", "$75.00") as the same digits whoever wrote it ("1000", "5.95", "75").</summary>
    public string NormalizeNumber(string written) => _number(written);

    /// <summary>A condition as matched, the same however it is written: lower case, and in French and Spanish accents and figures dropped ("Dans les 30 jours" is "dans les # jours").</summary>
    public string NormalizeCondition(string matched)
    {
        var lower = matched.ToLowerInvariant();
        if (Code == KnowledgeBase.English)
        {
            return lower;
        }

        var folded = new StringBuilder(lower.Length);
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c == '’' ? '\'' : c);
            }
        }

        return RomanceFactWords.Figures().Replace(RomanceFactWords.Spaces().Replace(folded.ToString(), " "), "#");
    }

    /// <summary>Whether a piece of a paragraph ends with an abbreviation ("EE.", "p.", "M."), so the full stop does not end the sentence.</summary>
    public bool EndsWithAbbreviation(string piece)
    {
        if (_abbreviations.Count == 0 || !piece.EndsWith('.'))
        {
            return false;
        }

        var start = piece.Length - 1;
        while (start > 0 && char.IsLetter(piece[start - 1]))
        {
            start--;
        }

        var word = piece[start..^1];
        // A lone capital is an initial ("M. Martin", "J. Pérez"); other abbreviations are listed per language.
        return word.Length > 0 && (word.Length == 1 && char.IsUpper(word[0]) || _abbreviations.Contains(word));
    }
}
