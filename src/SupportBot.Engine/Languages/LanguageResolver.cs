using Microsoft.Extensions.Options;
using SupportBot.Knowledge;
using SupportBot.Understanding.Entities;

namespace SupportBot.Languages;

/// <summary>Why the conversation is in the language it is after a message.</summary>
internal static class LanguageReasons
{
    /// <summary>Nothing to read (no text): the language the conversation starts or stands in.</summary>
    public const string Start = "start";

    /// <summary>The message is one of the bot's own buttons: it is in the bot's language, not the shopper's.</summary>
    public const string Pressed = "pressed";

    /// <summary>Too few words once numbers and addresses are out ("ok", "merci", "LP10000002").</summary>
    public const string Short = "short";

    /// <summary>The detector agrees with the conversation's language.</summary>
    public const string Same = "same";

    /// <summary>The detector leans to another language, but not surely enough for the message's length.</summary>
    public const string Unsure = "unsure";

    /// <summary>The shopper clearly wrote another language.</summary>
    public const string Switched = "switched";
}

/// <summary>The conversation's language after a message, and what the detector said (none when it was not asked).</summary>
internal sealed record LanguageDecision(string Language, string Reason, LanguageGuess? Guess = null)
{
    public bool Switched => Reason == LanguageReasons.Switched;
}

/// <summary>
/// Which language a conversation is in (docs/LANGUAGES.md). The channel's locale (<c>activity.locale</c>, Web Chat's
/// <c>locale</c>) sets the start, else the knowledge's default locale; the conversation keeps its language; a message
/// switches it only when the shopper clearly writes another one: at least <see cref="LanguageOptions.MinWords"/>
/// distinct words once order numbers, addresses and amounts are out, a detector at least as sure as
/// <see cref="LanguageOptions.FloorFor"/> says for that many words, and never on one of the bot's own buttons.
/// </summary>
internal sealed class LanguageResolver
{
    private readonly ILanguageDetector _detector;
    private readonly LanguageOptions _options;
    private readonly EntityExtractor _entities;
    private readonly HashSet<string> _supported;

    public LanguageResolver(ILanguageDetector detector, IOptions<LanguageOptions> options, IOptions<KnowledgeOptions> knowledge, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(knowledge);
        _detector = detector;
        _options = options.Value;
        _entities = new EntityExtractor(time);
        _supported = new HashSet<string>(detector.Languages, StringComparer.Ordinal);
        Default = SupportedOrNull(KnowledgeLanguages.OfOptional(knowledge.Value.DefaultLocale)) ?? detector.Languages[0];
    }

    /// <summary>The languages a conversation may be in (<c>Languages:Supported</c>).</summary>
    public IReadOnlySet<string> Supported => _supported;

    /// <summary>The language of a conversation nothing has said anything about: the knowledge's default locale's.</summary>
    public string Default { get; }

    /// <summary>The language a conversation stands in before a message: its own, else the channel's locale's, else <see cref="Default"/>.</summary>
    public string Start(string? current, string? channelLocale) =>
        SupportedOrNull(current) ?? SupportedOrNull(KnowledgeLanguages.OfOptional(channelLocale)) ?? Default;

    /// <param name="current">The conversation's language so far; null for a new conversation.</param>
    /// <param name="channelLocale">The locale the channel sent with the message (<c>fr-FR</c>), if any.</param>
    /// <param name="pressed">The text is a button or suggested action the bot offered last turn.</param>
    public async Task<LanguageDecision> ResolveAsync(string? current, string? channelLocale, string? text, bool pressed, CancellationToken cancellationToken)
    {
        var start = Start(current, channelLocale);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new LanguageDecision(start, LanguageReasons.Start);
        }

        if (pressed)
        {
            return new LanguageDecision(start, LanguageReasons.Pressed);
        }

        var evidence = LanguageEvidence.Of(text, _entities);
        if (evidence.DistinctWords < _options.MinWords || CountedWords(text) < _options.MinWords)
        {
            return new LanguageDecision(start, LanguageReasons.Short);
        }

        var guess = await _detector.DetectAsync(evidence.Text, cancellationToken).ConfigureAwait(false);
        if (guess is null || guess.Code == start)
        {
            return new LanguageDecision(start, LanguageReasons.Same, guess);
        }

        // A detector's lean is not enough against the conversation's own grammar (FunctionWords).
        return _supported.Contains(guess.Code) && guess.Confidence >= _options.FloorFor(evidence.DistinctWords) && !FunctionWords.LeansTo(evidence.Text, start, guess.Code)
            ? new LanguageDecision(guess.Code, LanguageReasons.Switched, guess)
            : new LanguageDecision(start, LanguageReasons.Unsure, guess);
    }

    private string? SupportedOrNull(string? code) => code is not null && _supported.Contains(code) ? code : null;

    /// <summary>The message's words as a person counts them (runs of non-spaces): "merci beaucoup !" is two, whatever is stripped.</summary>
    private static int CountedWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
