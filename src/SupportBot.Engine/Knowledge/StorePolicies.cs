using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Knowledge;

/// <summary>A store fact from <c>policies.yml</c> (or a translation from <c>policies.&lt;lang&gt;.yml</c>), with the line it was written on.</summary>
internal sealed record PolicyFact(string Path, string Value, SourceLocation Source)
{
    public PolicyFactKind Kind => PolicyFactKinds.Of(Path, Value);
}

/// <summary>
/// The store's facts (return window, shipping costs, …) as dotted paths, e.g. <c>returns.window_days</c>.
/// FAQ answers quote them through <c>{{returns.window_days}}</c> and workflows read them here, so the bot
/// states one set of facts everywhere. <see cref="In"/> gives the same facts in another language: its overlay's
/// words for the text facts, and numbers written the language's way ("5,95" in French) by <see cref="Fill"/>.
/// </summary>
internal sealed partial class StorePolicies
{
    public static readonly StorePolicies Empty = new(new Dictionary<string, PolicyFact>());

    private readonly IReadOnlyDictionary<string, PolicyFact> _facts;
    private readonly IReadOnlyDictionary<string, StorePolicies> _languages;
    private readonly CultureInfo? _numbers;
    private readonly StorePolicies? _original;

    public StorePolicies(IReadOnlyDictionary<string, PolicyFact> facts)
        : this(facts, new Dictionary<string, StorePolicies>(StringComparer.Ordinal), null, null, null)
    {
    }

    private StorePolicies(IReadOnlyDictionary<string, PolicyFact> facts, IReadOnlyDictionary<string, StorePolicies> languages, string? language,
        CultureInfo? numbers, StorePolicies? original)
    {
        _facts = facts;
        _languages = languages;
        Language = language;
        _numbers = numbers;
        _original = original;
    }

    /// <summary>The language these facts are worded in; null for <c>policies.yml</c> as written (the default language).</summary>
    public string? Language { get; }

    /// <summary>The languages with a translation overlay (<c>policies.&lt;lang&gt;.yml</c>).</summary>
    public IReadOnlyCollection<string> TranslatedLanguages => (IReadOnlyCollection<string>)_languages.Keys;

    public IReadOnlyCollection<PolicyFact> Facts => (IReadOnlyCollection<PolicyFact>)_facts.Values;

    /// <summary>
    /// The facts as a language states them: its overlay's text facts over these, numbers written its way. The default
    /// language, none, or a language without an overlay or a culture gives these facts as written.
    /// </summary>
    public StorePolicies In(string? language) =>
        language is not null && _languages.TryGetValue(language, out var translated) ? translated : _original ?? this;

    /// <summary>
    /// These facts with each language's translated text facts (already checked against these by the overlay's parser).
    /// Every language with an overlay gets its own facts, read once per knowledge version.
    /// </summary>
    public StorePolicies WithTranslations(IReadOnlyDictionary<string, IReadOnlyDictionary<string, PolicyFact>> overlays)
    {
        ArgumentNullException.ThrowIfNull(overlays);
        var languages = new Dictionary<string, StorePolicies>(StringComparer.Ordinal);
        var result = new StorePolicies(_facts, languages, null, null, null);
        foreach (var (language, overlay) in overlays)
        {
            var merged = new Dictionary<string, PolicyFact>(_facts, StringComparer.Ordinal);
            foreach (var (path, fact) in overlay)
            {
                merged[path] = fact;
            }

            // The languages map is shared so a translated view can also be asked In(another language).
            languages[language] = new StorePolicies(merged, languages, language, NumbersOf(language), result);
        }

        return result;
    }

    public bool TryGet(string path, out PolicyFact fact) => _facts.TryGetValue(path, out fact!);

    public string? GetText(string path) => _facts.TryGetValue(path, out var fact) ? fact.Value : null;

    public decimal? GetNumber(string path) =>
        _facts.TryGetValue(path, out var fact) && decimal.TryParse(fact.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>A fact as an answer quotes it: as written, or with a number in the language's way ("5,95", "1 000").</summary>
    public string Say(PolicyFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (_numbers is null || fact.Kind != PolicyFactKind.Number
            || !decimal.TryParse(fact.Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return fact.Value;
        }

        // As many decimals as the editor wrote: "5.95" stays two, "75" none.
        return number.ToString("N" + number.Scale.ToString(CultureInfo.InvariantCulture), _numbers);
    }

    /// <summary>
    /// Replaces every <c>{{path}}</c> in <paramref name="markdown"/>; an unknown path is reported at its line and left as written.
    /// </summary>
    public string Fill(string markdown, string displayPath, int firstLine, DiagnosticBag diagnostics)
    {
        if (!markdown.Contains("{{", StringComparison.Ordinal))
        {
            return markdown;
        }

        return Placeholder().Replace(markdown, match =>
        {
            var path = match.Groups["path"].Value;
            if (_facts.TryGetValue(path, out var fact))
            {
                return Say(fact);
            }

            var line = firstLine + markdown.AsSpan(0, match.Index).Count('\n');
            diagnostics.Error(displayPath, line, $"unknown policy '{path}' in '{match.Value}' (see policies.yml)");
            return match.Value;
        });
    }

    /// <summary>The paths a text quotes through <c>{{path}}</c>.</summary>
    public static IEnumerable<string> Quoted(string markdown) =>
        Placeholder().Matches(markdown).Select(m => m.Groups["path"].Value);

    /// <summary>How a language writes numbers: its usual country's culture (<c>fr</c> → fr-FR), as replies write them; null when .NET knows none.</summary>
    private static CultureInfo? NumbersOf(string language)
    {
        try
        {
            return CultureInfo.CreateSpecificCulture(language);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\{\{\s*(?<path>[^{}\s]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
